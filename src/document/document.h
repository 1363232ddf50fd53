// Documents: the articles of one input, decoded, with their headline and outlet.
//
//   OutletsLoad outlets = Outlets::load("rules");
//   BoilerplateLoad furniture = Boilerplate::load("rules");
//   DocumentRules rules{outlets.outlets.get(), furniture.boilerplate.get()};
//   Diagnostics diagnostics;
//   read_documents(input, [&](Document&& doc) { process(std::move(doc)); }, diagnostics, rules);
//
// An input whose name ends in .jsonl or .ndjson is JSON Lines: one article per line, an
// object with "id" and "text" (required; "id" may be a string or an integer) and optional
// "published" (YYYY-MM-DD, or an ISO 8601 timestamp whose date is taken as written), "url",
// "outlet", "title". Blank lines are skipped. A broken line — invalid JSON, invalid UTF-8, a
// missing or mistyped field — is reported as name:line:col and the next line is read; an
// unreadable "published" date is a warning and the article is kept without it.
// Any other input is one article: decode_article (UTF-8, else Windows-1252 with a warning;
// a binary file is refused with an error).
//
// Each document goes to the sink as soon as it is ready, so a 1 GB JSON Lines file is never
// held in memory as documents. Title and outlet come from the JSON fields when given, else
// from the text (find_title on the text with furniture masked; Outlets::find). The
// publication date in a dateline is left to DateEngine.
#pragma once

#include <date/date.h>

#include <functional>
#include <optional>
#include <string>

#include "boilerplate/boilerplate.h"
#include "cli/input_files.h"
#include "document/outlets.h"
#include "text/decoded_text.h"
#include "util/diagnostic.h"

namespace linimasa {

struct Document {
    std::string id;       // the input's name, or the JSON Lines record's "id"
    std::string origin;   // for diagnostics: the input's name, or "corpus.jsonl:17"
    DecodedText text;     // UTF-8 with offsets back to the raw bytes (of the file, or of the "text" value)
    std::string title;    // the headline; "" when none was found
    std::string outlet;   // "TEMPO.CO", "CNN Indonesia", ...; "" when none was found
    std::string url;      // the record's "url", else ""
    std::optional<date::sys_days> published;  // the record's "published", if any
    std::string body;     // the text with its furniture blanked, when already computed (same size as the text)
};

// What reading needs besides the bytes; either may be null. Without outlet rules only
// bracketed and domain-name outlets are found; without furniture rules the title may be a
// login prompt.
struct DocumentRules {
    const Outlets* outlets = nullptr;
    const Boilerplate* boilerplate = nullptr;
};

// One document's bytes as read, before decoding: a whole plain input, or one line of a JSON
// Lines input. Reading (which must keep input order) and decoding (which may happen on any
// thread) are split here so that a parallel run decodes and parses on its workers.
struct DocumentSource {
    std::string name;   // the input's name
    int line = 0;       // the 1-based line of a JSON Lines record; 0 for a whole plain input
    std::string bytes;  // the file, or the line without its line end
};

// The document of a source: decode_article for a whole input, the JSON record for a line.
// Problems go to `diagnostics`; std::nullopt when the source is no document.
std::optional<Document> make_document(DocumentSource source, Diagnostics& diagnostics, const DocumentRules& rules = {});

// Reads one input's documents into `sink`, reporting problems to `diagnostics`.
void read_documents(const InputFile& input, const std::function<void(Document&&)>& sink, Diagnostics& diagnostics,
                    const DocumentRules& rules = {});

// Sets an empty title or outlet of `document` from its text.
void find_title_and_outlet(Document& document, const DocumentRules& rules);

// True for names read as JSON Lines (.jsonl, .ndjson).
bool is_json_lines(const std::string& name);

// A publication date: "YYYY-MM-DD", or an ISO 8601 timestamp starting with one.
std::optional<date::sys_days> parse_published(std::string_view text);

}  // namespace linimasa
