# cmake -DINPUT=FILE -DOUTPUT=FILE.cc -DNAME=kSymbol -P embed_file.cmake
# Writes a C++ source defining `kg::exporting::NAME` (std::string_view) with
# the bytes of INPUT, so the HTML viewer carries its assets in the binary.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_len)
math(EXPR size "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# Line breaks every 32 bytes keep the generated file readable by tools.
string(REGEX REPLACE "(('[^']*',){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_file.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace kg::exporting {\n"
  "namespace {\nconstexpr char kBytes[] = {\n${bytes}'\\0'};\n}  // namespace\n"
  "extern const std::string_view ${NAME};\n"
  "const std::string_view ${NAME}(kBytes, ${size});\n"
  "}  // namespace kg::exporting\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
