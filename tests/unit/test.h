/*
 * A minimal unit-test harness: each *_test.c includes this header,
 * defines its tests with TEST(name) and lists them in main() with RUN().
 * The program prints one line per failure and a closing line
 * "N passed, N failed"; it exits non-zero if anything failed.
 */
#ifndef BOARDGEN_TEST_H
#define BOARDGEN_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed, test_current_failed;
static const char *test_current;

#define TEST(name) static void name(void)

#define CHECK(cond) do { \
	if (!(cond)) { \
		printf("FAIL %s (%s:%d): %s\n", test_current, __FILE__, \
		    __LINE__, #cond); \
		test_current_failed = 1; \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ == NULL || w_ == NULL || strcmp(g_, w_) != 0) { \
		printf("FAIL %s (%s:%d): %s\n  got:  \"%s\"\n  want: \"%s\"\n", \
		    test_current, __FILE__, __LINE__, #got, \
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		test_current_failed = 1; \
	} \
} while (0)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) { \
		printf("FAIL %s (%s:%d): %s is %lld, want %lld\n", \
		    test_current, __FILE__, __LINE__, #got, g_, w_); \
		test_current_failed = 1; \
	} \
} while (0)

#define RUN(name) do { \
	test_current = #name; \
	test_current_failed = 0; \
	name(); \
	if (test_current_failed) \
		test_failed++; \
	else \
		test_passed++; \
} while (0)

#define TEST_END() do { \
	printf("%s: %d passed, %d failed\n", __FILE__, test_passed, \
	    test_failed); \
	return test_failed ? 1 : 0; \
} while (0)

#endif /* BOARDGEN_TEST_H */
