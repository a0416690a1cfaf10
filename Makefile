# gancert — the README's two commands.
#   make demo   install Debian packages if missing, build Release, run the main job
#   make test   the same set-up, then build and run the whole test suite (ctest)
#   make fuzz   the libFuzzer harnesses of fuzz/, 10^6 executions each (README.md, Reliability)
BUILD   ?= build
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
DEB_PACKAGES = cmake g++ make libboost-dev libmpfr-dev libgmp-dev libeigen3-dev catch2 \
               libbenchmark-dev libcli11-dev nlohmann-json3-dev libfmt-dev libtbb-dev \
               libopenmpi-dev openmpi-bin pybind11-dev python3-dev python3-pybind11 \
               python3-matplotlib python3-numpy python3-pytest python3-mpmath libflint-arb-dev \
               python3-scipy python3-pip python3-setuptools python3-wheel python3-venv \
               clang libclang-rt-dev

.PHONY: deps configure build demo test bench fuzz clean

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi

configure: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./proofs/demo.sh $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	./bench/run.sh $(BUILD)

fuzz: deps
	./fuzz/run.sh $(BUILD)-fuzz 1000000

clean:
	rm -rf $(BUILD)
