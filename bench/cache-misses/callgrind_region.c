/* Marks the region valgrind's callgrind measures: cache-misses.sh starts it with collection off, and the
   benchmark turns collection on around the matching loop only. Outside valgrind these are no-ops. */
#include <valgrind/callgrind.h>

void region_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_TOGGLE_COLLECT; }

void region_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS; CALLGRIND_STOP_INSTRUMENTATION; }
