#include "timeline/event_store.h"

#include <unistd.h>

#include <algorithm>

namespace linimasa {

EventStore::EventStore() {
    spill_ = std::tmpfile();  // removed by the system when closed, even if the run is killed
    spill_ok_ = spill_ != nullptr;
    intern("");               // id 0 is the empty string
}

EventStore::~EventStore() {
    if (spill_) std::fclose(spill_);
}

EventStore::Id EventStore::intern(std::string_view s) {
    if (auto it = ids_.find(s); it != ids_.end()) return it->second;
    const auto id = static_cast<Id>(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(strings_.back(), id);
    return id;
}

std::span<const EventStore::Id> EventStore::actors(std::size_t i) const {
    const Entry& e = entries_[i];
    return {actor_ids_.data() + e.actors_at, e.actors_count};
}

std::size_t EventStore::add(const Event& e) {
    Entry k;
    k.type = intern(e.type);
    k.rule = intern(e.rule);
    k.location = intern(e.location);
    k.country = intern(e.location_country);
    k.document = intern(e.document);
    k.date = intern(e.when.date);
    k.date_end = intern(e.when.date_end);
    k.date_text = intern(e.when.text);
    k.trigger = intern(e.trigger);
    k.status = e.status;
    k.precision = e.when.precision;
    k.basis = e.when.basis;
    k.offset = e.offset;
    if (auto f = e.when.first()) k.first = static_cast<std::int32_t>(f->time_since_epoch().count());
    if (auto l = e.when.last()) k.last = static_cast<std::int32_t>(l->time_since_epoch().count());
    k.actors_at = static_cast<std::uint32_t>(actor_ids_.size());
    k.actors_count = static_cast<std::uint32_t>(e.actors.size());
    for (const auto& a : e.actors) actor_ids_.push_back(intern(a));  // e.actors is sorted by name
    k.spilled_at = spill_size_;
    k.evidence_size = static_cast<std::uint32_t>(e.evidence.size());
    k.why_size = static_cast<std::uint32_t>(e.why.size());
    const bool written = spill_ok_ && std::fwrite(e.evidence.data(), 1, e.evidence.size(), spill_) == e.evidence.size() &&
                         std::fwrite(e.why.data(), 1, e.why.size(), spill_) == e.why.size();
    if (written) {
        spill_size_ += e.evidence.size() + e.why.size();
    } else {
        // No spill file, or the disk is full: keep this and what is to come in memory (what was
        // spilled before stays readable).
        spill_ok_ = false;
        k.spilled_at = kInMemory | memory_.size();
        memory_.append(e.evidence).append(e.why);
    }
    entries_.push_back(k);
    return entries_.size() - 1;
}

std::string EventStore::spilled(std::uint64_t at, std::uint32_t size) const {
    if (at & kInMemory) return memory_.substr(at & ~kInMemory, size);
    std::string out(size, '\0');
    if (size == 0) return out;
    std::fflush(spill_);
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = pread(fileno(spill_), out.data() + done, size - done, static_cast<off_t>(at + done));
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    out.resize(done);
    return out;
}

Event EventStore::event(std::size_t i) const {
    const Entry& k = entries_[i];
    Event e;
    e.type = text(k.type);
    e.rule = text(k.rule);
    e.location = text(k.location);
    e.location_country = text(k.country);
    e.document = text(k.document);
    e.when.date = text(k.date);
    e.when.date_end = text(k.date_end);
    e.when.text = text(k.date_text);
    e.trigger = text(k.trigger);
    e.status = k.status;
    e.when.precision = k.precision;
    e.when.basis = k.basis;
    e.offset = k.offset;
    for (Id a : actors(i)) e.actors.emplace_back(text(a));
    std::string both = spilled(k.spilled_at, k.evidence_size + k.why_size);
    e.evidence = both.substr(0, k.evidence_size);
    e.why = both.size() > k.evidence_size ? both.substr(k.evidence_size) : std::string();
    return e;
}

}  // namespace linimasa
