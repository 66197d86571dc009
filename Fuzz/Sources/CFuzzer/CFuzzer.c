// The declaration in include/CFuzzer.h is defined by libFuzzer (linked by -sanitize=fuzzer).
#include "CFuzzer.h"
