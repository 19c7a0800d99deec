/* noentry — a shared object that exports nothing (so no stage descriptor). */
__attribute__ ((visibility ("hidden"))) int noentry_answer (void);

int
noentry_answer (void)
{
  return 42;
}
