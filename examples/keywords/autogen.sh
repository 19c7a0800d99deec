#!/bin/sh
# Generates configure and Makefile.in (needs autoconf, automake, libtool and
# pkg-config's pkg.m4).
set -e
cd "$(dirname "$0")"
mkdir -p m4
autoreconf -fi
