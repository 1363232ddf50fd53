// Small text helpers shared by the loaders and the writers.
//
//   std::optional<std::string> text = read_text_file("rules/outlets.yaml");
//   std::string names = joined({"Kim Jong Un", "Vladimir Putin"});   // "Kim Jong Un; Vladimir Putin"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linimasa {

// The whole file as bytes, or std::nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

// The items joined by `separator` ("; " is how the timeline lists actors and documents).
std::string joined(const std::vector<std::string>& items, std::string_view separator = "; ");

}  // namespace linimasa
