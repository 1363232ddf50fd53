#include "util/json_messages.h"

namespace linimasa {

// nlohmann's message without its prefix and without the "last read" echo, which may hold
// the very bytes that are not valid UTF-8. The echo is the input itself and may contain any
// text, quotes and "; expected" included, so nothing after "; last read: '" is kept except
// a tail that is exactly one of nlohmann's own "'; expected <token kind>" endings.
std::string json_syntax_error(const std::string& what) {
    static constexpr std::string_view kExpected[] = {
        "string literal", "number literal", "true literal", "false literal", "null literal", "end of input",
        "'['", "'{'", "']'", "'}'", "':'", "','", "'[', '{', or a literal", "<uninitialized>", "<parse error>",
        "unknown token"};
    std::string message = what;
    if (std::size_t at = message.find(": syntax error"); at != std::string::npos) message = message.substr(at + 2);
    if (std::size_t at = message.find("; last read: '"); at != std::string::npos) {
        std::string tail;
        for (std::string_view kind : kExpected) {
            std::string ending = std::string("'; expected ").append(kind);
            if (message.ends_with(ending) && message.size() - ending.size() >= at + 14) {
                tail = ending.substr(1);
                break;
            }
        }
        message.erase(at).append(tail);
    }
    return message;
}

// Any other nlohmann message, without its "[json.exception.out_of_range.406] " prefix.
std::string json_library_error(const std::string& what) {
    std::size_t at = what.starts_with("[json.exception.") ? what.find("] ") : std::string::npos;
    return at == std::string::npos ? what : what.substr(at + 2);
}

// Where the number quoted at the end of a message ("... parsing '1e400'") is in the line (0
// when it cannot be found).
std::size_t json_number_offset(std::string_view line, std::string_view what) {
    std::size_t open = what.ends_with('\'') ? what.rfind('\'', what.size() - 2) : std::string_view::npos;
    if (open == std::string_view::npos) return 0;
    std::size_t found = line.find(what.substr(open + 1, what.size() - open - 2));
    return found == std::string_view::npos ? 0 : found;
}

}  // namespace linimasa
