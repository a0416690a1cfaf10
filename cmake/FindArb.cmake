# FindArb.cmake — Arb (FLINT's ball arithmetic; Debian: libflint-arb-dev) as the imported
# target Arb::Arb. Used by the rounding policy's ball kernels (lib/src/arith/ball_kernels.cpp)
# and by the benchmarks' peer runs. Sets Arb_FOUND.
find_path(ARB_INCLUDE_DIR NAMES arb_hypgeom.h)
find_path(FLINT_INCLUDE_DIR NAMES flint.h PATH_SUFFIXES flint)
find_library(ARB_LIBRARY NAMES flint-arb arb)
find_library(FLINT_LIBRARY NAMES flint)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Arb REQUIRED_VARS ARB_LIBRARY FLINT_LIBRARY ARB_INCLUDE_DIR FLINT_INCLUDE_DIR)
if(Arb_FOUND AND NOT TARGET Arb::Arb)
  add_library(Arb::Arb INTERFACE IMPORTED)
  set_target_properties(Arb::Arb PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${ARB_INCLUDE_DIR};${FLINT_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${ARB_LIBRARY};${FLINT_LIBRARY}")
endif()
