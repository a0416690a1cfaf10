"""Builds the gancert Python package: python/gancert/*.py plus the extension gancert._gancert,
compiled by the project's CMake build (target gancert_python) and copied into the wheel.

The version comes from project(VERSION) in CMakeLists.txt (the one place it is set).
Environment: GANCERT_CMAKE_BUILD_DIR reuses an existing CMake build tree (e.g. `build`);
otherwise a Release build is configured in build/pip (tests and benchmarks off).
CMAKE_BUILD_PARALLEL_LEVEL sets the build's jobs (default 2).
"""
import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))


def version():
    text = open(os.path.join(HERE, "CMakeLists.txt")).read()
    return re.search(r"project\(gancert VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = os.environ.get("GANCERT_CMAKE_BUILD_DIR") or os.path.join(HERE, "build", "pip")
        build = os.path.abspath(build)
        if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
            subprocess.check_call(["cmake", "-S", HERE, "-B", build, "-DCMAKE_BUILD_TYPE=Release",
                                   "-DGANCERT_BUILD_TESTS=OFF", "-DGANCERT_BUILD_BENCH=OFF",
                                   "-DPYTHON_EXECUTABLE=" + sys.executable])
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.check_call(["cmake", "--build", build, "--target", "gancert_python", "-j", jobs])
        package = os.path.join(build, "python", "package", "gancert")
        built = [f for f in os.listdir(package) if f.startswith("_gancert") and f.endswith(".so")]
        if len(built) != 1:
            raise RuntimeError("expected one _gancert*.so in %s, found %s" % (package, built))
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(package, built[0]), target)


setup(
    version=version(),
    packages=["gancert"],
    package_dir={"": "python"},
    ext_modules=[Extension("gancert._gancert", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    options={"build": {"build_base": os.path.join("build", "setuptools")}},
    zip_safe=False,
)
