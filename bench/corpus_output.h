// What both corpus generators share: producing articles until a size is reached, and writing
// them as files or as JSON Lines.
//
//   CorpusStats s = generate_until(64 << 20, generate_article, sink);
//   write_article_file("corpus/article-00000001.txt", text);
//   JsonLinesFile out("corpus.jsonl");  out.add({{"id", id}, {"text", text}});  out.finish();
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>

namespace linimasa::bench {

struct CorpusStats {
    std::uint64_t articles = 0;
    std::uint64_t bytes = 0;  // article text only, without file or JSON overhead
};

// Articles 0, 1, 2, ... from `generate`, handed to `sink` until at least `bytes` bytes of text
// were produced.
inline CorpusStats generate_until(std::uint64_t bytes, const std::function<std::string(std::uint64_t)>& generate,
                                  const std::function<void(std::uint64_t, std::string)>& sink) {
    CorpusStats stats;
    while (stats.bytes < bytes) {
        std::string text = generate(stats.articles);
        stats.bytes += text.size();
        sink(stats.articles, std::move(text));
        ++stats.articles;
    }
    return stats;
}

// Writes one article byte for byte (binary: CRLF articles keep their CR); throws on failure.
inline void write_article_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file) throw std::runtime_error("cannot write " + path.string());
}

// A JSON Lines file written one record at a time; throws on failure.
class JsonLinesFile {
public:
    explicit JsonLinesFile(const std::filesystem::path& file) : path_(file) {
        if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
        out_.open(file, std::ios::binary);
        if (!out_) throw std::runtime_error("cannot create " + file.string());
    }
    // nlohmann::json escapes quotes, backslashes, CR/LF and control characters.
    void add(const nlohmann::json& record) { out_ << record.dump() << '\n'; }
    void finish() {
        out_.flush();
        if (!out_) throw std::runtime_error("cannot write " + path_.string());
    }

private:
    std::filesystem::path path_;
    std::ofstream out_;
};

}  // namespace linimasa::bench
