// ByteSource: the bytes of an RDF file, gunzipped on the fly when the file is
// gzip-compressed (recognised by its magic bytes, whatever its name), read in
// fixed-size chunks so memory stays constant for any file size. Optionally
// hashes the raw file bytes (SHA-256) in the same pass.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "kg/status.h"

namespace kg::rdf {

class ByteSource {
 public:
  // Errors (one line, naming the file): missing, unreadable, a directory.
  static Result<std::unique_ptr<ByteSource>> Open(const std::string& path, bool hash = false);
  // In-memory text, for tests and callers that already hold the data.
  static std::unique_ptr<ByteSource> FromString(std::string data, std::string name);

  virtual ~ByteSource() = default;

  // Copies up to `n` content bytes into `buf`; 0 means end of input. Errors:
  // I/O failure, corrupt or truncated gzip data.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;

  const std::string& name() const { return name_; }
  bool compressed() const { return compressed_; }
  // Raw (possibly compressed) bytes consumed so far, and the file's size; for
  // progress bars. total_bytes() is 0 when unknown.
  uint64_t bytes_read() const { return raw_read_; }
  uint64_t total_bytes() const { return raw_total_; }
  // Hex SHA-256 of the raw file bytes read so far; complete once Read returned 0.
  // Empty unless hashing was requested.
  virtual std::string HexDigest() = 0;

 protected:
  std::string name_;
  bool compressed_ = false;
  uint64_t raw_read_ = 0;
  uint64_t raw_total_ = 0;
};

// Hex SHA-256 of a file's raw bytes, read in chunks.
Result<std::string> HashFile(const std::string& path);

}  // namespace kg::rdf
