#include "pipeline/extractor.h"

#include <filesystem>
#include <future>
#include <tuple>

namespace linimasa {

Extractor::~Extractor() = default;

namespace {

// Moves a loader's diagnostics into the combined list and hands back what it loaded.
template <typename Load, typename T>
std::unique_ptr<T> take(Load&& load, std::unique_ptr<T> Load::*member, Diagnostics& all) {
    all.insert(all.end(), load.diagnostics.begin(), load.diagnostics.end());
    return std::move(load.*member);
}

}  // namespace

ExtractorLoad Extractor::load(const std::string& rules_dir) {
    ExtractorLoad out;
    std::unique_ptr<Extractor> x(new Extractor());
    const std::filesystem::path dir(rules_dir);
    // The rule files are independent of each other, and compiling them is most of a short
    // run's time: the gazetteer and the furniture rules load on a second thread while this one
    // loads the rest. Diagnostics are combined in one fixed order whatever finishes first.
    auto second = std::async(std::launch::async, [&rules_dir] {
        return std::make_tuple(Gazetteer::load(rules_dir), Boilerplate::load(rules_dir), Outlets::load(rules_dir),
                               SentenceSplitter::load(rules_dir));
    });
    EngineLoad dates = DateEngine::load(rules_dir);
    RuleSetLoad rules = RuleSet::load(rules_dir);
    CueListsLoad status = CueLists::load((dir / "status.yaml").string(), status_lists(), optional_status_lists());
    CueListsLoad attachment = CueLists::load((dir / "attachment.yaml").string(), attachment_lists(), optional_attachment_lists());
    auto [gazetteer, boilerplate, outlets, sentences] = second.get();
    x->dates_ = take(std::move(dates), &EngineLoad::engine, out.diagnostics);
    x->boilerplate_ = take(std::move(boilerplate), &BoilerplateLoad::boilerplate, out.diagnostics);
    x->outlets_ = take(std::move(outlets), &OutletsLoad::outlets, out.diagnostics);
    x->sentences_ = take(std::move(sentences), &SentenceSplitterLoad::splitter, out.diagnostics);
    x->gazetteer_ = take(std::move(gazetteer), &GazetteerLoad::gazetteer, out.diagnostics);
    x->rules_ = take(std::move(rules), &RuleSetLoad::rules, out.diagnostics);
    x->status_cues_ = take(std::move(status), &CueListsLoad::cues, out.diagnostics);
    x->attachment_cues_ = take(std::move(attachment), &CueListsLoad::cues, out.diagnostics);
    if (has_errors(out.diagnostics) || !x->dates_ || !x->boilerplate_ || !x->outlets_ || !x->sentences_ || !x->gazetteer_ ||
        !x->rules_ || !x->status_cues_ || !x->attachment_cues_)
        return out;
    x->finder_ = std::make_unique<EventFinder>(*x->rules_, *x->gazetteer_, *x->status_cues_, *x->attachment_cues_);
    out.extractor = std::move(x);
    return out;
}

DocumentEvents Extractor::extract(const Document& doc, std::optional<date::sys_days> ref_date) const {
    DocumentEvents out;
    const std::string& raw = doc.text.utf8();
    if (raw.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        out.diagnostics.push_back({doc.origin, 0, 0, "empty document: no text to read", Severity::warning});
        return out;
    }
    // The furniture is blanked once per page: when reading the title, or here.
    const std::string body = doc.body.size() == raw.size() ? doc.body : boilerplate_->masked(raw);
    std::vector<Sentence> sentences = sentences_->split(body);
    // Triggers first: most pages of a news archive report none of the events the rules look
    // for, and such a page needs only its publication date (for the warning below).
    SentenceTriggers triggers = finder_->find_triggers(body, sentences);
    std::optional<date::sys_days> anchor = ref_date ? ref_date : doc.published;
    // The dateline is never furniture by design, but a site's rule may hide it: then the page
    // as it is can still tell the publication date. (Only worth reading again when some
    // furniture was blanked: otherwise it is the text that had no dateline.)
    auto dateline_of_whole_page = [&]() -> std::optional<date::sys_days> {
        return body != raw ? dates_->publication_date(raw) : std::nullopt;
    };
    DocumentDates dates;
    if (triggers.any()) {
        dates = dates_->analyze(body, anchor);
        if (!dates.publication && !anchor)
            if (auto found = dateline_of_whole_page()) dates = dates_->analyze(body, found);
    } else {
        dates.publication = anchor ? anchor : dates_->publication_date(body);
        if (!dates.publication) dates.publication = dateline_of_whole_page();
    }
    anchor = dates.publication;
    if (!anchor)
        out.diagnostics.push_back({doc.origin, 0, 0,
                                   "no publication date in the dateline, the record or --ref-date: relative dates "
                                   "stay unanchored",
                                   Severity::warning});
    DocumentView view{body, &doc.text, doc.id, &sentences, &dates};
    out.events = finder_->find(view, std::move(triggers));
    return out;
}

std::vector<Event> Extractor::extract_text(std::string_view text, std::optional<date::sys_days> publication,
                                           std::optional<int> only_rule) const {
    DocumentDates dates = dates_->analyze(text, publication);
    if (publication) dates.publication = publication;
    std::vector<Sentence> sentences = sentences_->split(text);
    DocumentView view{text, nullptr, "example", &sentences, &dates};
    return finder_->find(view, only_rule);
}

}  // namespace linimasa
