"""check-guide.py GUIDE.md SRCDIR WORKDIR — every code block of a guide is
checked against the tree or run.  Each block follows a marker comment:

  <!-- file: PATH -->     the block is exactly the file SRCDIR/PATH
  <!-- excerpt: PATH -->  the block's lines are consecutive lines of it
                          (leading and trailing spaces aside)
  <!-- run -->            a shell script, run with sh -e in WORKDIR, which
                          must exit 0 (blocks run in order, in one WORKDIR)
  <!-- output -->         every line but "..." is a line the previous run
                          block printed

A block without a marker is an error: nothing in a guide goes unchecked.
Prints PASS:/FAIL: lines and automake's "# PASS: N" / "# FAIL: N"; exits
1 on a failure.  Run by tests/sdk-install-check.sh with the installed
nlpipe on PATH."""
import os
import re
import subprocess
import sys

guide, src, work = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(guide, encoding="utf-8").read()
name = os.path.basename(guide)
passed = failed = 0


def report(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS: %s: %s" % (name, what))
    else:
        failed += 1
        print("FAIL: %s: %s" % (name, what))
        for line in detail.splitlines()[-30:]:
            print("    " + line)


def stripped(lines):
    return [l.strip() for l in lines]


# a marker line, optional, then a fenced block (possibly indented in a list)
pattern = re.compile(r'(?:^[ \t]*<!-- (?P<kind>file|excerpt|run|output)(?::\s*(?P<path>\S+))? -->\n)?'
                     r'^(?P<indent>[ \t]*)```[a-z0-9]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$',
                     re.M | re.S)
last_output = ""
for n, m in enumerate(pattern.finditer(text), 1):
    kind, path, indent, body = m.group("kind"), m.group("path"), m.group("indent"), m.group("body")
    line_no = text[:m.start("body")].count("\n")
    body = "".join(l[len(indent):] if l.startswith(indent) else l
                   for l in body.splitlines(True))
    where = "block at line %d" % line_no
    if kind is None:
        report(False, where + " has no marker (file, excerpt, run or output)")
    elif kind == "file":
        try:
            same = open(os.path.join(src, path), encoding="utf-8").read() == body
        except OSError as e:
            same, body = False, str(e)
        report(same, "%s is exactly %s" % (where, path))
    elif kind == "excerpt":
        want = [l for l in stripped(body.splitlines()) if l]
        have = stripped(open(os.path.join(src, path), encoding="utf-8").read().splitlines())
        found = any(have[i:i + len(want)] == want for i in range(len(have)))
        report(found, "%s is an excerpt of %s" % (where, path))
    elif kind == "run":
        proc = subprocess.run(["sh", "-e", "-c", body], cwd=work, capture_output=True, text=True)
        last_output = proc.stdout + proc.stderr
        report(proc.returncode == 0, "%s runs (exit %d)" % (where, proc.returncode),
               body + "\n--- output:\n" + last_output)
    elif kind == "output":
        lines = set(last_output.splitlines())
        missing = [l for l in body.splitlines() if l.strip() != "..." and l not in lines]
        report(not missing, "%s is what the run printed" % where,
               "missing: %r\n--- output:\n%s" % (missing, last_output))

print("# PASS: %d" % passed)
print("# FAIL: %d" % failed)
sys.exit(1 if failed else 0)
