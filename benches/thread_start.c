/* How long a thread waits to start while the thread that started it keeps its CPU busy:
 * the measurement behind src/threads.rs. For each of 20 rounds, the main thread starts
 * a thread and spins for 3 ms; the new thread notes when it first ran and on which CPU.
 *
 *   plain  the thread is started as the system places it (pthread_create)
 *   leave  as Folio's threads::spawn_scoped: the starter yields once, and the new thread,
 *          when it runs on its starter's CPU, moves to another one
 *
 * On the 2-core build machine (kernel 6.18), plain: 0.5 to 3.0 ms in 19 rounds of 20
 * (in 12 the new thread ran on its starter's CPU, once the starter's time slice ended);
 * leave: 29 to 54 us, on the other CPU.
 *
 * Usage: cc -O2 -pthread benches/thread_start.c -o /tmp/thread_start && /tmp/thread_start
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static double started;
static int starter_cpu, new_cpu, leave;

static void *run(void *unused) {
    (void)unused;
    started = now_us();
    if (leave && sched_getcpu() == starter_cpu) {
        cpu_set_t all, others;
        sched_getaffinity(0, sizeof all, &all);
        others = all;
        CPU_CLR(starter_cpu, &others);
        if (CPU_COUNT(&others) > 0 && sched_setaffinity(0, sizeof others, &others) == 0)
            sched_setaffinity(0, sizeof all, &all);
    }
    new_cpu = sched_getcpu();
    return NULL;
}

int main(void) {
    for (leave = 0; leave <= 1; leave++) {
        printf("%-6s", leave ? "leave" : "plain");
        for (int round = 0; round < 20; round++) {
            double t0 = now_us();
            pthread_t thread;
            starter_cpu = sched_getcpu();
            pthread_create(&thread, NULL, run, NULL);
            if (leave)
                sched_yield();
            volatile long spin = 0;
            while (now_us() - t0 < 3000)
                spin++;
            pthread_join(thread, NULL);
            printf(" %.0f%s", started - t0, new_cpu == starter_cpu ? "*" : "");
            struct timespec pause = {0, 5000000};
            nanosleep(&pause, NULL);
        }
        printf("   (us to start; * on its starter's CPU)\n");
    }
    return 0;
}
