#include "parsers/rdf/byte_source.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace kg::rdf {
namespace {

constexpr size_t kRawChunk = 1 << 20;

std::string Errno(int err) { return std::strerror(err); }

// SHA-256 through OpenSSL's EVP interface.
class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); }
  ~Sha256() { EVP_MD_CTX_free(ctx_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(const void* data, size_t n) { EVP_DigestUpdate(ctx_, data, n); }
  std::string HexDigest() {
    // Finalising a copy keeps the running context usable.
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, ctx_);
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(copy, md, &len);
    EVP_MD_CTX_free(copy);
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
      out += kHex[md[i] >> 4];
      out += kHex[md[i] & 15];
    }
    return out;
  }

 private:
  EVP_MD_CTX* ctx_;
};

Result<int> OpenFile(const std::string& path, uint64_t* size) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::InvalidInput(path + ": cannot read: " + Errno(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidInput(path + ": is a directory, not an RDF file");
  // Devices such as /dev/zero never end a line; pipes stay allowed for streaming.
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode)) {
    return Status::InvalidInput(path + ": is a device, not an RDF file");
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::InvalidInput(path + ": cannot read: " + Errno(errno));
  *size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  return fd;
}

class FileSource : public ByteSource {
 public:
  FileSource(std::string path, int fd, uint64_t size, bool hash) : fd_(fd) {
    name_ = std::move(path);
    raw_total_ = size;
    if (hash) sha_ = std::make_unique<Sha256>();
  }
  ~FileSource() override {
    if (fd_ >= 0) ::close(fd_);
    if (z_open_) inflateEnd(&zs_);
  }

  // Reads the first bytes to tell gzip from plain text.
  Status Start() {
    raw_.resize(kRawChunk);
    KG_RETURN_IF_ERROR(FillRaw());
    if (raw_end_ >= 2 && static_cast<unsigned char>(raw_[0]) == 0x1f &&
        static_cast<unsigned char>(raw_[1]) == 0x8b) {
      compressed_ = true;
      std::memset(&zs_, 0, sizeof zs_);
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        return Status::Internal(name_ + ": cannot initialise zlib");
      }
      z_open_ = true;
    }
    return Status::OK();
  }

  Result<size_t> Read(char* buf, size_t n) override {
    return compressed_ ? ReadGzip(buf, n) : ReadPlain(buf, n);
  }

  std::string HexDigest() override { return sha_ ? sha_->HexDigest() : std::string(); }

 private:
  // Reads the next raw chunk into raw_[0, raw_end_); raw_end_ == 0 at EOF.
  Status FillRaw() {
    raw_pos_ = 0;
    raw_end_ = 0;
    for (;;) {
      ssize_t got = ::read(fd_, raw_.data(), raw_.size());
      if (got < 0) {
        if (errno == EINTR) continue;
        return Status::InvalidInput(name_ + ": read error: " + Errno(errno));
      }
      raw_end_ = static_cast<size_t>(got);
      raw_read_ += raw_end_;
      if (sha_ && got > 0) sha_->Update(raw_.data(), raw_end_);
      if (got == 0) raw_eof_ = true;
      return Status::OK();
    }
  }

  Result<size_t> ReadPlain(char* buf, size_t n) {
    if (raw_pos_ == raw_end_) {
      if (raw_eof_) return size_t{0};
      KG_RETURN_IF_ERROR(FillRaw());
      if (raw_end_ == 0) return size_t{0};
    }
    size_t take = std::min(n, raw_end_ - raw_pos_);
    std::memcpy(buf, raw_.data() + raw_pos_, take);
    raw_pos_ += take;
    return take;
  }

  Result<size_t> ReadGzip(char* buf, size_t n) {
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt want = zs_.avail_out;
    while (zs_.avail_out > 0) {
      if (raw_pos_ == raw_end_) {
        if (!raw_eof_) KG_RETURN_IF_ERROR(FillRaw());
        if (raw_pos_ == raw_end_) {
          if (member_done_) break;
          return Status::InvalidInput(name_ + ": truncated gzip file (compressed data ends early)");
        }
      }
      if (member_done_) {
        // Concatenated gzip members (as `cat a.gz b.gz` makes) form one stream.
        inflateReset(&zs_);
        member_done_ = false;
      }
      zs_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      zs_.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
      int rc = inflate(&zs_, Z_NO_FLUSH);
      raw_pos_ = raw_end_ - zs_.avail_in;
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && zs_.avail_in == 0)) {
        return Status::InvalidInput(
            name_ + ": corrupt gzip data (" +
            (zs_.msg ? std::string(zs_.msg) : "zlib error " + std::to_string(rc)) + ")");
      }
    }
    return static_cast<size_t>(want - zs_.avail_out);
  }

  int fd_;
  std::vector<char> raw_;
  size_t raw_pos_ = 0, raw_end_ = 0;
  bool raw_eof_ = false;
  z_stream zs_;
  bool z_open_ = false;
  bool member_done_ = false;
  std::unique_ptr<Sha256> sha_;
};

class StringSource : public ByteSource {
 public:
  StringSource(std::string data, std::string name) : data_(std::move(data)) {
    name_ = std::move(name);
    raw_total_ = data_.size();
  }
  Result<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, take);
    pos_ += take;
    raw_read_ = pos_;
    return take;
  }
  std::string HexDigest() override { return {}; }

 private:
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path, bool hash) {
  uint64_t size = 0;
  KG_ASSIGN_OR_RETURN(int fd, OpenFile(path, &size));
  auto src = std::make_unique<FileSource>(path, fd, size, hash);
  KG_RETURN_IF_ERROR(src->Start());
  return std::unique_ptr<ByteSource>(std::move(src));
}

std::unique_ptr<ByteSource> ByteSource::FromString(std::string data, std::string name) {
  return std::make_unique<StringSource>(std::move(data), std::move(name));
}

Result<std::string> HashFile(const std::string& path) {
  uint64_t size = 0;
  KG_ASSIGN_OR_RETURN(int fd, OpenFile(path, &size));
  Sha256 sha;
  std::vector<char> buf(kRawChunk);
  for (;;) {
    ssize_t got = ::read(fd, buf.data(), buf.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      int err = errno;
      ::close(fd);
      return Status::InvalidInput(path + ": read error: " + Errno(err));
    }
    if (got == 0) break;
    sha.Update(buf.data(), static_cast<size_t>(got));
  }
  ::close(fd);
  return sha.HexDigest();
}

}  // namespace kg::rdf
