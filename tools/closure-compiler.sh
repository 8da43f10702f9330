#!/bin/sh
# The Closure Compiler as Debian's emcc calls it (EM_CLOSURE_COMPILER, set by CMake for
# the wasm modules' link step): the npm package's jar on Debian's Java.
exec "${PIETURA_JAVA:-java}" -jar "${PIETURA_CLOSURE_JAR:?set by CMakeLists.txt}" "$@"
