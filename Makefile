# boardgen: turns a meeting folder into a numbered PDF board pack.
#
#   make demo     install missing Debian packages, build, render the sample
#   make test     install missing Debian packages, build, run every test
#                 once, then the fuzz targets over their seeds (minutes)
#   make test-full the same three ways: normal build, ASan+UBSan, valgrind
#                 (what CI runs; about half an hour on two cores)
#   make          build gen/boardgen
#   make install  PREFIX=/usr/local DESTDIR=

VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/boardgen
DOCDIR	 = $(PREFIX)/share/doc/boardgen
MANDIR	 = $(PREFIX)/share/man

CC	?= gcc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wno-unused-parameter
PKGS	 = libxml-2.0 libcmark libqpdf
CPPFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DBOARDGEN_VERSION='"$(VERSION)"' -DBOARDGEN_DATADIR='"$(DATADIR)"' \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lhyphen -lz -lm

NPROC	:= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

# Debian packages boardgen needs to build, run and test.
DEB_BUILD = gcc make pkg-config libxml2-dev libxml2-utils libhpdf-dev libcmark-dev \
	libhyphen-dev hyphen-sv fonts-liberation2 fonts-dejavu-core zlib1g-dev \
	icc-profiles-free
DEB_TEST  = poppler-utils qpdf mupdf-tools valgrind python3 python3-pikepdf \
	python3-jsonschema chromium nodejs
# PDF files made elsewhere are read and merged with libqpdf.
DEB_BUILD += libqpdf-dev

SRCS	 = $(wildcard gen/util/*.c gen/model/*.c gen/content/*.c \
	   gen/template/*.c gen/font/*.c gen/layout/*.c gen/pdf/*.c \
	   gen/html/*.c gen/site/*.c)
OBJS	 = $(SRCS:.c=.o)
MAIN	 = gen/main.o
UNIT_SRCS = $(wildcard tests/unit/*_test.c)
UNIT_BINS = $(UNIT_SRCS:.c=)

.PHONY: all deps demo test test-full check sanitize valgrind bench compare install \
	uninstall clean clean-objs

all: gen/boardgen

gen/boardgen: $(OBJS) $(MAIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(MAIN) $(LDLIBS_ALL)

%.o: %.c
	$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS) $(WARN) $(EXTRA_WARN) -MMD -MP -c -o $@ $<

-include $(SRCS:.c=.d) gen/main.d

tests/unit/%_test: tests/unit/%_test.c $(OBJS)
	$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS) $(WARN) $(EXTRA_WARN) -o $@ $< $(OBJS) $(LDLIBS_ALL)

# Installs whatever is missing, with apt-get (as root, or through sudo).
deps:
	@sh tests/install-deps.sh $(DEB_BUILD) $(DEB_TEST)

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	gen/boardgen build content/regionstyrelsen/2026-12-08 -o out/regionstyrelsen-2026-12-08.pdf
	@echo
	@echo "The sample meeting pack is in out/regionstyrelsen-2026-12-08.pdf"

# What a person runs while working: every test once, then the fuzz
# targets once over their seeds and past findings.
test: deps
	@echo "== the tests =="
	@$(MAKE) --no-print-directory -j$(NPROC) check
	@echo "== the fuzz targets, once over their seeds and past findings =="
	@$(MAKE) --no-print-directory fuzz-smoke

# What CI runs: the same suite three ways, then the fuzz smoke.
test-full: deps
	@echo "== the tests, normal build =="
	@$(MAKE) --no-print-directory -j$(NPROC) check
	@echo "== the tests again, built with AddressSanitizer + UBSan =="
	@$(MAKE) --no-print-directory -j$(NPROC) sanitize
	@echo "== the tests again, under valgrind =="
	@$(MAKE) --no-print-directory valgrind
	@echo "== the fuzz targets, once over their seeds and past findings =="
	@$(MAKE) --no-print-directory fuzz-smoke

# Every test, assuming the packages are there.
check: all $(UNIT_BINS)
	@BROWSER_TEST=1 sh tests/run-all.sh

# The whole suite again, built with AddressSanitizer + UBSan (in build/,
# so the ordinary build stays as it is).
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
SAN_OBJS = $(SRCS:%.c=build/asan/%.o)
SAN_UNIT = $(UNIT_SRCS:tests/unit/%.c=build/asan/unit/%)

build/asan/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(SAN_FLAGS) $(WARN) $(EXTRA_WARN) -MMD -MP -c -o $@ $<

-include $(SAN_OBJS:.o=.d) build/asan/gen/main.d

build/asan/boardgen: $(SAN_OBJS) build/asan/gen/main.o
	$(CC) $(SAN_FLAGS) -o $@ $(SAN_OBJS) build/asan/gen/main.o $(LDLIBS_ALL)

build/asan/unit/%_test: tests/unit/%_test.c $(SAN_OBJS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(SAN_FLAGS) $(WARN) $(EXTRA_WARN) -o $@ $< $(SAN_OBJS) $(LDLIBS_ALL)

sanitize: all build/asan/boardgen $(SAN_UNIT)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		BOARDGEN=build/asan/boardgen UNIT_DIR=build/asan/unit sh tests/run-all.sh

# The whole suite under valgrind: any error or leak fails.
valgrind: all $(UNIT_BINS)
	@WRAP="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible" \
		sh tests/run-all.sh

bench: all
	@sh tests/bench.sh
	@sh tests/bench-site.sh

# The same generated pack with Typst and pandoc + WeasyPrint, installed
# by the script itself (Debian packages, an npm package in build/).
compare: all
	@sh tests/compare/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DOCDIR)
	install -m 755 gen/boardgen $(DESTDIR)$(BINDIR)/boardgen
	cp -R templates/. $(DESTDIR)$(DATADIR)/
	install -m 644 docs/boardgen.1 $(DESTDIR)$(MANDIR)/man1/boardgen.1
	install -m 644 docs/boardgen.5 $(DESTDIR)$(MANDIR)/man5/boardgen.5
	install -m 644 docs/content-format.md docs/templates.md docs/architecture.md \
		docs/figures.md docs/documents.md docs/check.md docs/pdf.md docs/site.md \
		$(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/boardgen $(DESTDIR)$(MANDIR)/man1/boardgen.1 $(DESTDIR)$(MANDIR)/man5/boardgen.5
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

clean-objs:
	rm -f $(OBJS) $(MAIN) $(SRCS:.c=.d) gen/main.d $(UNIT_BINS) gen/boardgen

clean: clean-objs
	rm -rf out/*.pdf out/tmp build

# Fuzzing (clang, libFuzzer): make fuzz, make fuzz-smoke.
include tests/fuzz/fuzz.mk
