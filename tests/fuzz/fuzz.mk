# libFuzzer targets (tests/fuzz/*.c), built with clang against the
# gen/ sources in build/fuzz/.  Included by the Makefile.
#
#   make fuzz FUZZ_SECONDS=60 [FUZZ_TARGETS="csv figure"]
#                      runs each target that long from its seed corpus
#   make fuzz-smoke    runs each target once over its seed corpus and
#                      the inputs that once failed (tests/fuzz/regress/)

DEB_FUZZ	 = clang libclang-rt-14-dev
FUZZ_CC		 = clang
FUZZ_FLAGS	 = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_SECONDS	?= 60
# Every tests/fuzz/*.c is a target but fuzz.c, what they share.
FUZZ_ALL	 = $(filter-out fuzz,$(basename $(notdir $(wildcard tests/fuzz/*.c))))
FUZZ_TARGETS	?= $(FUZZ_ALL)
FUZZ_OBJS	 = $(SRCS:%.c=build/fuzz/%.o)
FUZZ_BINS	 = $(FUZZ_ALL:%=build/fuzz/%)

.PHONY: fuzz fuzz-build fuzz-smoke fuzz-deps
.SECONDARY: $(FUZZ_OBJS)

build/fuzz/%.o: %.c
	@mkdir -p $(@D)
	@echo "  fuzz cc $<"
	@$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		$(WARN) $(EXTRA_WARN) -MMD -MP -c -o $@ $<

-include $(FUZZ_OBJS:.o=.d)

build/fuzz/common.o: tests/fuzz/fuzz.c tests/fuzz/fuzz.h
	@mkdir -p $(@D)
	@echo "  fuzz cc $<"
	@$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		$(WARN) $(EXTRA_WARN) -DFUZZ_SRCDIR='"$(CURDIR)"' -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) build/fuzz/common.o \
    $(FUZZ_OBJS)
	@echo "  fuzz target $@"
	@$(FUZZ_CC) $(CPPFLAGS_ALL) $(FUZZ_FLAGS) -fsanitize=fuzzer $(WARN) $(EXTRA_WARN) \
		-DFUZZ_SRCDIR='"$(CURDIR)"' -o $@ $< build/fuzz/common.o \
		$(FUZZ_OBJS) $(LDLIBS_ALL)

fuzz-deps:
	@sh tests/install-deps.sh $(DEB_BUILD) $(DEB_FUZZ)

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	@sh tests/fuzz/run.sh 0 $(FUZZ_ALL)
