// Standard output that notices a reader going away (linimasa ... | head -1) and lets the
// command stop quietly instead of dying of SIGPIPE.
#pragma once

#include <string_view>

namespace linimasa {

class Output {
public:
    Output();
    // Writes all of `text`; false once standard output is closed or broken.
    bool write(std::string_view text);

private:
    bool broken_ = false;
};

}  // namespace linimasa
