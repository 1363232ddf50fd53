// Fuzz target: the rule loaders — the bytes read as every kind of analyst-edited rule file
// (an event rule file, actors.yaml, places.yaml, status.yaml and attachment.yaml cue lists,
// the date lexicon, boilerplate.yaml, outlets.yaml, segmentation.yaml). Whatever a loader
// accepts is then used on a short article text, as a real run would: a rule file that loads
// must not crash the engine it builds.
//
// The loaders that take a path (events, gazetteer, cue lists) read the bytes from a
// throwaway rules folder made once per process; the others parse the text directly.
// Checked besides crashes: a load either succeeds or reports an error (never neither), and
// every diagnostic names its file.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "boilerplate/boilerplate.h"
#include "dates/date_engine.h"
#include "document/outlets.h"
#include "events/cue_lists.h"
#include "events/event_finder.h"
#include "events/event_rules.h"
#include "fuzz_support.h"
#include "gazetteer/gazetteer.h"
#include "lexicon/lexicon.h"
#include "text/sentences.h"

namespace {

using namespace linimasa;
namespace fs = std::filesystem;

// What each loaded rule set is tried on: furniture, a dateline, names, places, triggers,
// status cues and dates, in a few lines.
constexpr std::string_view kArticle =
    "Putin Tulis Artikel di Rodong Sinmun Jelang Lawatan ke Pyongyang\n\n"
    "Baca Juga: Kim Jong Un Terima Surat Putin\n"
    "Selasa, 18 Juni 2024 11:00 WIB\n\n"
    "TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin akan melakukan kunjungan kenegaraan ke "
    "Korea Utara pada 18-19 Juni 2024. Menhan Rusia Sergei Shoigu mengunjungi Pyongyang pada "
    "Kamis (27/7/2023), sehari sebelum parade. Kremlin tidak ada rencana menggelar KTT di Vladivostok "
    "bulan depan, kata Peskov kepada wartawan Selasa malam.\n"
    "Iklan\n"
    "Berita Terkait\n"
    "Kim Jong Un Bertemu Putin di Kosmodrom Vostochny\n6 jam lalu\n";

constexpr date::sys_days kReference = date::year{2024} / date::June / 18;

// The rules folder the path-based loaders read; removed when the process ends normally.
class ScratchRules {
public:
    ScratchRules() : dir_(fs::temp_directory_path() / ("linimasa-fuzz-rules-" + std::to_string(::getpid()))) {
        fs::create_directories(dir_ / "events");
    }
    ~ScratchRules() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    void write(const std::string& relative, std::string_view bytes) const {
        std::ofstream out(dir_ / relative, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) fuzz::fail("cannot write the scratch rules folder");
    }
    std::string path() const { return dir_.string(); }
    std::string path(const std::string& relative) const { return (dir_ / relative).string(); }

private:
    fs::path dir_;
};

// A loader's verdict must be either a result or at least one error that names its file.
void check_load(bool loaded, const Diagnostics& diagnostics) {
    if (!loaded && !has_errors(diagnostics)) fuzz::fail("a load failed without an error");
    for (const Diagnostic& d : diagnostics)
        if (d.file.empty() || d.line < 0 || d.column < 0) fuzz::fail("a diagnostic without a place");
}

void event_rules(const ScratchRules& scratch, std::string_view yaml) {
    scratch.write("events/rules.yaml", yaml);
    RuleSetLoad load = RuleSet::load(scratch.path());
    check_load(load.rules != nullptr, load.diagnostics);
    if (!load.rules) return;
    for (const TriggerMatch& t : load.rules->find_triggers(kArticle))
        if (t.begin >= t.end || t.end > kArticle.size()) fuzz::fail("a trigger outside the text");
}

// Minimal partners for the half of the gazetteer that is not being fuzzed.
constexpr std::string_view kActors =
    "actors:\n  - {name: Russia, kind: country, aliases: [Rusia]}\n"
    "  - {name: North Korea, kind: country, aliases: [Korea Utara]}\n";
constexpr std::string_view kPlaces = "places:\n  - {name: Pyongyang, kind: city, country: North Korea}\n";

void gazetteer(const ScratchRules& scratch, std::string_view actors, std::string_view places) {
    scratch.write("actors.yaml", actors);
    scratch.write("places.yaml", places);
    GazetteerLoad load = Gazetteer::load(scratch.path());
    check_load(load.gazetteer != nullptr, load.diagnostics);
    if (!load.gazetteer) return;
    for (const GazetteerHit& hit : load.gazetteer->find_actors(kArticle)) load.gazetteer->actor(hit, kReference);
    for (const GazetteerHit& hit : load.gazetteer->find_places(kArticle)) load.gazetteer->place(hit);
}

void cue_lists(const ScratchRules& scratch, std::string_view yaml, const std::vector<std::string>& required,
               const std::vector<std::string>& optional) {
    scratch.write("cues.yaml", yaml);
    CueListsLoad load = CueLists::load(scratch.path("cues.yaml"), required, optional);
    check_load(load.cues != nullptr, load.diagnostics);
    if (!load.cues) return;
    for (const CueHit& hit : load.cues->find(kArticle)) load.cues->kind_name(hit.kind);
}

void lexicon(const std::string& yaml) {
    LexiconLoad load = parse_lexicon(yaml, "lexicon/id.yaml");
    check_load(load.lexicon.has_value(), load.diagnostics);
    if (!load.lexicon) return;
    EngineLoad engine = DateEngine::from_lexicon(std::move(*load.lexicon));
    check_load(engine.engine != nullptr, engine.diagnostics);
    if (!engine.engine) return;
    engine.engine->analyze(kArticle, kReference);
    engine.engine->analyze(kArticle, std::nullopt);
}

void boilerplate(const std::string& yaml) {
    BoilerplateRulesLoad rules = parse_boilerplate_rules(yaml, "boilerplate.yaml");
    check_load(rules.rules.has_value(), rules.diagnostics);
    if (!rules.rules) return;
    BoilerplateLoad load = Boilerplate::from_rules(std::move(*rules.rules));
    check_load(load.boilerplate != nullptr, load.diagnostics);
    if (!load.boilerplate) return;
    if (load.boilerplate->masked(kArticle).size() != kArticle.size()) fuzz::fail("masking changed the length");
    load.boilerplate->check_examples();
}

void outlets(const std::string& yaml) {
    OutletsLoad load = Outlets::parse(yaml, "outlets.yaml");
    check_load(load.outlets != nullptr, load.diagnostics);
    if (!load.outlets) return;
    load.outlets->find(kArticle);
    load.outlets->check_examples();
}

void sentences(const std::string& yaml) {
    SentenceSplitterLoad load = SentenceSplitter::parse(yaml, "segmentation.yaml");
    check_load(load.splitter != nullptr, load.diagnostics);
    if (!load.splitter) return;
    load.splitter->split(kArticle);
    load.splitter->check_examples();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ScratchRules scratch;
    const std::string yaml(fuzz::as_bytes(data, size));
    event_rules(scratch, yaml);
    gazetteer(scratch, yaml, kPlaces);
    gazetteer(scratch, kActors, yaml);
    cue_lists(scratch, yaml, status_lists(), optional_status_lists());
    cue_lists(scratch, yaml, attachment_lists(), optional_attachment_lists());
    lexicon(yaml);
    boilerplate(yaml);
    outlets(yaml);
    sentences(yaml);
    return 0;
}
