#include "gazetteer/alias_scan.h"

#include <algorithm>

namespace linimasa {

void ShapeTrie::add(std::string_view word, int number) {
    if (building_.empty()) building_.emplace_back();
    std::uint32_t node = 0;
    for (char c : word) {
        auto [it, fresh] = building_[node].children.try_emplace(c, static_cast<std::uint32_t>(building_.size()));
        std::uint32_t child = it->second;
        if (fresh) building_.emplace_back();
        node = child;
    }
    building_[node].number = number;
}

void ShapeTrie::freeze() {
    if (building_.empty()) building_.emplace_back();  // the root
    nodes_.resize(building_.size());
    for (std::size_t i = 0; i < building_.size(); ++i) {
        nodes_[i] = {static_cast<std::uint32_t>(edges_.size()), static_cast<std::uint32_t>(building_[i].children.size()),
                     building_[i].number};
        for (const auto& [c, child] : building_[i].children) edges_.push_back({c, child});
    }
    building_.clear();
    building_.shrink_to_fit();
}

bool AliasKeys::add(std::string_view alias, bool in_trie) {
    Start start = at_run;
    std::size_t at = 0;
    if (key_char_at(alias, 0).length == 0) {
        start = one_character_before;
        at = code_point_at(alias, 0).length;
        if (at == 0 || at >= alias.size()) return false;
    }
    std::string key;
    for (KeyChar c; at < alias.size() && (c = key_char_at(alias, at)).length > 0; at += c.length) key += c.folded;
    if (key.empty()) return false;
    adding_.push_back({key, static_cast<std::uint8_t>(start | (start == at_run && !in_trie ? not_in_trie : 0))});
    longest_ = std::max(longest_, key.size());
    return true;
}

void AliasKeys::freeze(const ShapeTrie& trie) {
    std::size_t capacity = 16;
    while (capacity < 4 * adding_.size()) capacity *= 2;
    table_.assign(capacity, {});
    shift_ = 64 - std::countr_zero(capacity);
    for (const auto& [key, starts] : adding_) {
        FoldedKey folded = fold_key(key, key.size());
        Entry& slot = slot_of(folded);
        slot.key = folded;
        slot.starts |= starts;
        // A key longer than sixteen is told from others by its hash only: leave it to RE2.
        if ((starts & at_run) && key.size() <= 16) slot.trie_node = trie.find(key);
    }
    adding_.clear();
    adding_.shrink_to_fit();
}

AliasKeys::Entry& AliasKeys::slot_of(const FoldedKey& key) {
    std::size_t i = index_of(key.hash);
    while (table_[i].starts != 0 && !(table_[i].key == key)) i = (i + 1) & (table_.size() - 1);
    return table_[i];
}

}  // namespace linimasa
