// Runs the real kg binary in a child process for CLI tests.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kg::testing {

struct CliResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

// Path of the built kg executable (build/kg).
std::string KgBinary();

// Runs `kg args...` with `stdin_text` on standard input, in `cwd` when given.
// Environment: the parent's, plus each "NAME=value" of `env`.
CliResult RunKg(const std::vector<std::string>& args, const std::string& stdin_text = "",
                const std::vector<std::string>& env = {}, const std::string& cwd = "");

// Runs any program (argv[0] looked up on PATH).
CliResult RunProgram(const std::vector<std::string>& argv, const std::string& stdin_text = "",
                     const std::vector<std::string>& env = {}, const std::string& cwd = "");

// A fresh empty directory under the test temp dir, removed at exit of the scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// ../shared beside the source tree, or "" when absent (tests then GTEST_SKIP).
std::string SharedDir();

// Writes `text` to `path`.
void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);

}  // namespace kg::testing
