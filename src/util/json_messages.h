// nlohmann::json's exception texts made fit for a diagnostic: JSON Lines documents and event
// records are parsed with it, and its messages echo the input ("last read: '...'"), which
// may hold the very bytes that are not valid UTF-8.
//
//   catch (const nlohmann::json::parse_error& e) { report(e.byte - 1, json_syntax_error(e.what())); }
//   catch (const nlohmann::json::exception& e) { report(json_number_offset(line, e.what()), json_library_error(e.what())); }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace linimasa {

// A parse_error's text without its "[json.exception.parse_error.101] parse error at ...: "
// prefix and without the echo of the input; only a tail that is exactly one of nlohmann's own
// "; expected <token kind>" endings is kept ("syntax error while parsing value - invalid
// literal; expected end of input").
std::string json_syntax_error(const std::string& what);

// Any other exception's text without its "[json.exception.out_of_range.406] " prefix: valid
// JSON that nlohmann cannot hold, a number beyond a double ("number overflow parsing '1e400'").
std::string json_library_error(const std::string& what);

// Where the number quoted at the end of such a text is in `line`; 0 when it cannot be found.
std::size_t json_number_offset(std::string_view line, std::string_view what);

}  // namespace linimasa
