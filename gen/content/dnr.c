/* Diarienummer: SERIES/NUMBER/YEAR, e.g. RS/1119/2017. */
#include <string.h>

#include "extern.h"

/* Length of one series letter at s (A-Z, Å, Ä, Ö), or 0. */
static size_t
series_letter(const char *s)
{
	if (*s >= 'A' && *s <= 'Z')
		return 1;
	if (strncmp(s, "\xc3\x85", 2) == 0 ||	/* Å */
	    strncmp(s, "\xc3\x84", 2) == 0 ||	/* Ä */
	    strncmp(s, "\xc3\x96", 2) == 0)	/* Ö */
		return 2;
	return 0;
}

bool
dnr_valid(const char *s)
{
	size_t	 n, letters = 0, digits = 0;
	int	 year = 0;

	if (s == NULL)
		return false;
	while ((n = series_letter(s)) > 0) {
		s += n;
		letters++;
	}
	if (letters < 1 || letters > 10 || *s++ != '/')
		return false;
	if (*s == '0')
		return false;
	while (*s >= '0' && *s <= '9') {
		s++;
		digits++;
	}
	if (digits < 1 || digits > 6 || *s++ != '/')
		return false;
	for (digits = 0; digits < 4; digits++, s++) {
		if (*s < '0' || *s > '9')
			return false;
		year = year * 10 + (*s - '0');
	}
	return *s == '\0' && year >= 1900 && year <= 2099;
}
