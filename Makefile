# kg — the two set-up commands of the README are `make demo` and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
KG := $(BUILD)/kg
DEMO_DB ?= $(BUILD)/demo.db

.PHONY: all deps deps-test deps-bench build test demo bench fuzz asan clean format

all: build

deps:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

deps-bench:
	@scripts/install-deps.sh bench

$(BUILD)/build.ninja:
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: deps $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)

test: deps-test $(BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) --timeout 600

demo: build
	@scripts/demo.sh $(KG) $(DEMO_DB)

bench: deps-bench build
	@bench/run.sh $(BUILD)

asan: deps-test
	@cmake -S . -B build-asan -G Ninja -DKG_ENABLE_ASAN=ON -DKG_BUILD_BENCH=OFF >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ctest --output-on-failure -j $(JOBS) --timeout 900

fuzz: deps-test
	@scripts/fuzz.sh

format:
	@clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf $(BUILD) build-asan
