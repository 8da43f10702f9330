// sqlite/statement.hpp — a prepared SQLite statement that finalizes itself.
//
// The core reads and writes the snapshot with SQLite directly (search/, snapshot/);
// this is the one wrapper they share: prepare in the constructor, bind by position,
// step through rows, read columns by index, finalize on destruction. Errors throw
// std::runtime_error naming the caller's context, so a broken query says where it
// came from. It hides nothing else of SQLite: callers keep their sqlite3* handle,
// their transactions and their own SQL.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace pietura::sqlite {

class Statement {
public:
    // `context` names the caller in error messages ("search index: prepare: ...").
    Statement(sqlite3* db, const std::string& sql, std::string context) : db_(db), context_(std::move(context)) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) fail("prepare");
    }
    // Does not throw: check ok(), and sqlite3_errmsg() if not.
    Statement(sqlite3* db, const std::string& sql, std::string context, std::nothrow_t)
        : db_(db), context_(std::move(context)) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK) {
            sqlite3_finalize(st_);
            st_ = nullptr;
        }
    }
    bool ok() const { return st_ != nullptr; }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(st_); }

    Statement& bind(int i, std::string_view v) {
        sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Statement& blob(int i, std::string_view v) {
        sqlite3_bind_blob(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    // `p` must outlive the statement's execution; SQLite only hands it to functions
    // that ask for the same `type`.
    Statement& pointer(int i, void* p, const char* type) {
        sqlite3_bind_pointer(st_, i, p, type, nullptr);
        return *this;
    }
    Statement& bind(int i, double v) {
        sqlite3_bind_double(st_, i, v);
        return *this;
    }
    // True while there is a row; throws on errors.
    bool step() {
        int rc = sqlite3_step(st_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail("step");
    }
    void run() {
        while (step()) {
        }
        reset();
    }
    void reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
    std::string text(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
    std::string bytes(int col) const {
        auto p = static_cast<const char*>(sqlite3_column_blob(st_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    double real(int col) const { return sqlite3_column_double(st_, col); }
    bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error(context_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database"));
    }
    sqlite3* db_;
    std::string context_;
    sqlite3_stmt* st_ = nullptr;
};

}  // namespace pietura::sqlite
