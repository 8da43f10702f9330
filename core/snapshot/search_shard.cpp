// Search shards (issue 13): reading one. Writing is write_search_shard() in
// snapshot.cpp, beside write(), from the same documents; opening shares the
// snapshot's lock-down and schema check.
#include <stdexcept>

#include "snapshot/detail.hpp"
#include "snapshot/snapshot.hpp"
#include "sqlite/statement.hpp"

namespace pietura::snapshot {

SearchShard SearchShard::open(const std::filesystem::path& file, Lang lang) {
    return SearchShard(detail::open_search_shard(file, lang).release(), lang);
}

SearchShard SearchShard::from_bytes(const uint8_t* data, size_t size, Lang lang) {
    return SearchShard(detail::load_search_shard(data, size, lang).release(), lang);
}

SearchShard::SearchShard(SearchShard&& o) noexcept : db_(o.db_), lang_(o.lang_) { o.db_ = nullptr; }

SearchShard& SearchShard::operator=(SearchShard&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = o.db_;
        lang_ = o.lang_;
        o.db_ = nullptr;
    }
    return *this;
}

SearchShard::~SearchShard() { sqlite3_close_v2(db_); }

std::string SearchShard::content_version() const {
    sqlite::Statement st(db_, "SELECT value FROM meta WHERE key='content_version'", "snapshot meta");
    return st.step() ? st.text(0) : std::string();
}

std::vector<search::Hit> SearchShard::search(std::string_view query, Lang lang, int limit) const {
    if (lang != lang_)
        throw std::invalid_argument("this search shard holds " + std::string(code(lang_)) + ", not " +
                                    std::string(code(lang)));
    return search::query(db_, query, lang, limit);
}

}  // namespace pietura::snapshot
