# Installation and the CMake package `gancert` (find_package(gancert) → gancert::gancert).
# `cmake --install build [--prefix P]` installs the headers, the static library, the CLI and
# lib/cmake/gancert/{gancertConfig,gancertConfigVersion,gancertTargets}.cmake.
include(CMakePackageConfigHelpers)
set(GANCERT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/gancert)

install(TARGETS gancert EXPORT gancertTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET gancert_cli)
  install(TARGETS gancert_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/gancert DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/generated/gancert/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/gancert)
install(EXPORT gancertTargets NAMESPACE gancert:: DESTINATION ${GANCERT_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/gancertConfig.cmake.in
  ${PROJECT_BINARY_DIR}/gancertConfig.cmake INSTALL_DESTINATION ${GANCERT_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/gancertConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/gancertConfig.cmake ${PROJECT_BINARY_DIR}/gancertConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/FindArb.cmake
        DESTINATION ${GANCERT_CMAKE_DIR})

# Acceptance test: install into a prefix inside the build tree, then configure, build and
# run tests/consumer against it with find_package(gancert).
if(GANCERT_BUILD_TESTS)
  add_test(NAME package:consumer
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/consumer/run.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties(package:consumer PROPERTIES TIMEOUT 300)
endif()
