/*
 * The strict JSON check (RFC 8259) of the fuzz targets of the site's
 * JSON: a file that is not one JSON value, or holds anything RFC 8259
 * does not allow (a control character or bad UTF-8 in a string, an
 * unknown escape, a number of another shape, more after the value),
 * stops the run with its place.  Include after fuzz.h and
 * html_private.h.
 */
#ifndef BOARDGEN_FUZZ_JSON_H
#define BOARDGEN_FUZZ_JSON_H

static void
refuse(const struct outfile *f, size_t at, const char *why)
{
	size_t	 from = at > 40 ? at - 40 : 0;

	fprintf(stderr, "%s: %s at byte %zu:\n%.*s\n", f->path, why, at,
	    (int)(f->data.len - from < 120 ? f->data.len - from : 120),
	    f->data.data + from);
	abort();
}

struct js {
	const struct outfile *f;
	const unsigned char *s;
	size_t	 i, n;
	int	 depth;
};

static void
js_ws(struct js *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
	    j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static void
js_lit(struct js *j, const char *w)
{
	size_t	 n = strlen(w);

	if (j->n - j->i < n || memcmp(j->s + j->i, w, n) != 0)
		refuse(j->f, j->i, "not a JSON value");
	j->i += n;
}

static bool
js_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static void
js_string(struct js *j)
{
	uint32_t c;
	size_t	 k;

	j->i++;		/* the opening quote */
	for (;;) {
		if (j->i >= j->n)
			refuse(j->f, j->i, "a JSON string not closed");
		if (j->s[j->i] == '"') {
			j->i++;
			return;
		}
		if (j->s[j->i] < 0x20)
			refuse(j->f, j->i, "a control character in a JSON "
			    "string");
		if (j->s[j->i] == '\\') {
			if (j->i + 1 >= j->n)
				refuse(j->f, j->i, "a JSON escape cut off");
			switch (j->s[j->i + 1]) {
			case '"': case '\\': case '/': case 'b': case 'f':
			case 'n': case 'r': case 't':
				j->i += 2;
				continue;
			case 'u':
				for (k = 2; k < 6; k++)
					if (j->i + k >= j->n ||
					    !js_hex(j->s[j->i + k]))
						refuse(j->f, j->i,
						    "a bad \\u escape");
				j->i += 6;
				continue;
			default:
				refuse(j->f, j->i, "an unknown JSON escape");
			}
		}
		if ((k = utf8_decode((const char *)j->s + j->i, j->n - j->i,
		    &c)) == 0)
			refuse(j->f, j->i, "invalid UTF-8 in a JSON string");
		j->i += k;
	}
}

static void
js_number(struct js *j)
{
	size_t	 d;

	if (j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else {
		for (d = 0; j->i < j->n && j->s[j->i] >= '0' &&
		    j->s[j->i] <= '9'; d++)
			j->i++;
		if (d == 0)
			refuse(j->f, j->i, "a JSON number without digits");
	}
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		for (d = 0; j->i < j->n && j->s[j->i] >= '0' &&
		    j->s[j->i] <= '9'; d++)
			j->i++;
		if (d == 0)
			refuse(j->f, j->i, "a JSON fraction without digits");
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		for (d = 0; j->i < j->n && j->s[j->i] >= '0' &&
		    j->s[j->i] <= '9'; d++)
			j->i++;
		if (d == 0)
			refuse(j->f, j->i, "a JSON exponent without digits");
	}
}

static void
js_value(struct js *j)
{
	bool	 first;

	js_ws(j);
	if (j->i >= j->n)
		refuse(j->f, j->i, "a JSON value missing");
	if (++j->depth > 64)
		refuse(j->f, j->i, "JSON nested too deep");
	switch (j->s[j->i]) {
	case '{':
		j->i++;
		for (first = true;; first = false) {
			js_ws(j);
			if (first && j->i < j->n && j->s[j->i] == '}')
				break;
			if (j->i >= j->n || j->s[j->i] != '"')
				refuse(j->f, j->i, "a JSON key missing");
			js_string(j);
			js_ws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				refuse(j->f, j->i, "':' missing after a key");
			j->i++;
			js_value(j);
			js_ws(j);
			if (j->i < j->n && j->s[j->i] == ',') {
				j->i++;
				continue;
			}
			if (j->i < j->n && j->s[j->i] == '}')
				break;
			refuse(j->f, j->i, "',' or '}' missing");
		}
		j->i++;
		break;
	case '[':
		j->i++;
		for (first = true;; first = false) {
			js_ws(j);
			if (first && j->i < j->n && j->s[j->i] == ']')
				break;
			js_value(j);
			js_ws(j);
			if (j->i < j->n && j->s[j->i] == ',') {
				j->i++;
				continue;
			}
			if (j->i < j->n && j->s[j->i] == ']')
				break;
			refuse(j->f, j->i, "',' or ']' missing");
		}
		j->i++;
		break;
	case '"':
		js_string(j);
		break;
	case 't':
		js_lit(j, "true");
		break;
	case 'f':
		js_lit(j, "false");
		break;
	case 'n':
		js_lit(j, "null");
		break;
	default:
		if (j->s[j->i] != '-' && (j->s[j->i] < '0' || j->s[j->i] > '9'))
			refuse(j->f, j->i, "not a JSON value");
		js_number(j);
	}
	j->depth--;
}

static void
check_json(const struct outfile *f)
{
	struct js j = { f, (const unsigned char *)f->data.data, 0,
	    f->data.len, 0 };

	js_value(&j);
	js_ws(&j);
	if (j.i != j.n)
		refuse(f, j.i, "more after the JSON value");
}

#endif /* BOARDGEN_FUZZ_JSON_H */
