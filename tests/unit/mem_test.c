/*
 * mem: running out of memory prints one line and exits with a status of
 * its own (EXIT_NOMEM), not that of a usage error or of bad input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test.h"
#include "../../gen/util/util.h"

/* Runs fn in a child; returns its exit status (-1: it did not exit)
 * and what it wrote to stderr in err. */
static int
in_child(void (*fn)(void), char *err, size_t errlen)
{
	int	 fd[2], st;
	ssize_t	 n;
	size_t	 got = 0;
	pid_t	 pid;

	/* The child's exit flushes what it inherited: nothing. */
	fflush(stdout);
	if (pipe(fd) == -1 || (pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDERR_FILENO);
		fn();
		_exit(0);
	}
	close(fd[1]);
	while (got + 1 < errlen &&
	    (n = read(fd[0], err + got, errlen - 1 - got)) > 0)
		got += (size_t)n;
	err[got] = '\0';
	close(fd[0]);
	if (waitpid(pid, &st, 0) == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void
alloc_too_much(void)
{
	/* More than any address space holds: malloc says no. */
	free(xmalloc(SIZE_MAX / 2));
}

/* Held where valgrind's leak check sees it when xrealloc exits: the
 * block it could not grow is not lost but still reachable (volatile,
 * or the compiler drops the store as one nobody reads). */
static void *volatile growing;

static void
grow_too_much(void)
{
	growing = xmalloc(16);
	growing = xrealloc(growing, SIZE_MAX / 2);
	free(growing);
}

TEST(out_of_memory_status)
{
	char	 err[4096];

	CHECK(EXIT_NOMEM != EXIT_USAGE && EXIT_NOMEM != EXIT_INPUT &&
	    EXIT_NOMEM != 0);
	CHECK_INT(in_child(alloc_too_much, err, sizeof(err)), EXIT_NOMEM);
	CHECK(strstr(err, "boardgen: error: out of memory\n") != NULL);
	CHECK_INT(in_child(grow_too_much, err, sizeof(err)), EXIT_NOMEM);
	CHECK(strstr(err, "boardgen: error: out of memory\n") != NULL);
}

int
main(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	RUN(out_of_memory_status);
#else
	/* AddressSanitizer stops the program at such a request instead
	 * of letting malloc return NULL: the normal and valgrind runs
	 * test this. */
	(void)out_of_memory_status;
#endif
	TEST_END();
}
