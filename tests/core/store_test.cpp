// The reference server's SQLite store (tools/pietura/store.cpp) and the CSV that
// `pietura export` makes from it: the WAL stays bounded, a full disk is a
// StoreUnavailable that leaves reads working, idempotent answers are replayed
// whatever the time, and no exported cell can become a formula (issue 12).
#define BOOST_TEST_MODULE store
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.hpp"
#include "store.hpp"
#include "text/text.hpp"

using namespace pietura;
using pietura::cli::Answer;
using pietura::cli::Store;
using pietura::cli::StoreOptions;
using pietura::cli::StoreUnavailable;
namespace fs = std::filesystem;

namespace {

// A fresh data folder, removed afterwards. On tmpfs when there is one: the store
// fsyncs every commit (synchronous=FULL), and thousands of them on a shared disk
// would only measure the disk.
struct DataDir {
    fs::path path;
    DataDir() {
        fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        path = base / ("pietura-store-test-" + std::to_string(::getpid()) + "-" + cli::random_hex(4));
        fs::create_directories(path);
    }
    ~DataDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::int64_t wal_bytes() const {
        std::error_code ec;
        auto n = fs::file_size(path / "pietura-data.sqlite-wal", ec);
        return ec ? 0 : std::int64_t(n);
    }
};

booking::Request request(std::int64_t start, const std::string& name = "Anna Bērziņa") {
    return booking::Request{"vsaa", "pensijas", "vpvkac-cesis", start, name, "+37129123456", "anna@example.lv",
                            "lv", "Lūdzu, piezvaniet pirms tam.", ""};
}

std::string created_body(const cli::StoredBooking& b, const std::string& token) {
    return "{\"reference\":\"" + b.reference + "\",\"token\":\"" + token + "\"}";
}

const std::int64_t kStart = 1800000000;  // 2027-01-15

Answer book(Store& s, std::int64_t start, const std::string& key = "", const std::string& name = "Anna Bērziņa") {
    return s.book(key, "fp-" + std::to_string(start), request(start, name), start + 1800, 1, 1790000000,
                  created_body, R"({"error":"slot_taken"})");
}

std::string field(const std::string& json, const std::string& name) {
    auto at = json.find("\"" + name + "\":\"");
    BOOST_REQUIRE(at != std::string::npos);
    at += name.size() + 4;
    return json.substr(at, json.find('"', at) - at);
}

// Runs `fn` with stderr going to a file, and returns what was written there.
template <class Fn>
std::string capture_stderr(Fn fn) {
    fs::path file = fs::temp_directory_path() / ("pietura-store-stderr-" + std::to_string(::getpid()));
    std::fflush(stderr);
    int saved = ::dup(2);
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 2);
    ::close(fd);
    try {
        fn();
    } catch (...) {
        std::fflush(stderr);
        ::dup2(saved, 2);
        ::close(saved);
        throw;
    }
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::string captured = text::read_file_or_throw(file);
    fs::remove(file);
    return captured;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue12_wal_stays_bounded_over_4000_bookings) {
    DataDir dir;
    auto store = Store::open(dir.path);
    std::int64_t largest = 0;
    for (int k = 0; k < 4000; ++k) {
        Answer a = book(*store, kStart + k * 1800, "key-" + std::to_string(k));
        BOOST_REQUIRE(a.status == 201);
        if (k % 100 == 99) largest = std::max(largest, dir.wal_bytes());
    }
    BOOST_TEST_MESSAGE("largest WAL over 4000 bookings: " << largest << " bytes");
    BOOST_TEST(largest > 0);  // it is a WAL database at all
    BOOST_TEST(largest < 8 * 1024 * 1024);
    BOOST_TEST(store->taken("vsaa").size() == 4000u);
}

BOOST_AUTO_TEST_CASE(issue12_full_store_refuses_writes_once_logged_and_reads_still_work) {
    DataDir dir;
    std::string reference, token;
    {
        auto store = Store::open(dir.path);
        Answer first = book(*store, kStart);
        BOOST_REQUIRE(first.status == 201);
        reference = field(first.body, "reference");
        token = field(first.body, "token");
        store->rate("", "r1", rating::Rating{"service", "deklaracija", 5, "", "lv"}, 1790000000);
    }
    // The same file again, now allowed to grow by only a few pages: PRAGMA
    // max_page_count makes SQLite answer SQLITE_FULL as a full disk would.
    auto size = std::int64_t(fs::file_size(dir.path / "pietura-data.sqlite"));
    auto store = Store::open(dir.path, StoreOptions{size + 3 * 4096});
    int booked = 0;
    std::string what;
    std::string log = capture_stderr([&] {
        try {
            for (int k = 1; k < 2000; ++k, ++booked) book(*store, kStart + k * 1800, "", std::string(300, 'x'));
        } catch (const StoreUnavailable& e) {
            what = e.what();
        }
        // A second refusal, of another kind of write, is not logged again.
        BOOST_CHECK_THROW(store->rate("", "r2", rating::Rating{"service", "x", 4, std::string(20000, 'y'), "lv"}, 1),
                          StoreUnavailable);
        for (int k = 0; k < 50; ++k)
            BOOST_CHECK_THROW(book(*store, kStart + (3000 + k) * 1800, "", std::string(20000, 'z')), StoreUnavailable);
    });
    BOOST_TEST(booked < 1999);
    BOOST_TEST(what == "data store full: bookings and ratings are refused until space is freed");
    BOOST_TEST(log == "pietura store: " + what + "\n");
    BOOST_TEST(log.find("xxx") == std::string::npos);  // no personal data in the log line

    // Reads keep working: the booking, the seats taken and the rating summary.
    auto b = store->get(reference, token);
    BOOST_REQUIRE(b.has_value());
    BOOST_TEST(b->name == "Anna Bērziņa");
    BOOST_TEST(store->taken("vsaa").count(kStart) == 1u);
    BOOST_TEST(store->summary()["service"]["deklaracija"].count == 1);
    BOOST_TEST(!store->replay("no-such-key", "fp").has_value());
}

BOOST_AUTO_TEST_CASE(issue12_replay_returns_the_stored_answer_whatever_the_time) {
    DataDir dir;
    auto store = Store::open(dir.path);
    Answer first = book(*store, kStart, "outbox-key-1");
    BOOST_REQUIRE(first.status == 201);
    // replay() takes no clock: the answer is the stored one, so the server can ask
    // before it checks that the slot is still bookable (it is not, days later).
    auto again = store->replay("outbox-key-1", "fp-" + std::to_string(kStart));
    BOOST_REQUIRE(again.has_value());
    BOOST_TEST(again->status == 201);
    BOOST_TEST(again->body == first.body);
    auto other = store->replay("outbox-key-1", "a different request");
    BOOST_REQUIRE(other.has_value());
    BOOST_TEST(other->status == 422);
    BOOST_TEST(!store->replay("", "fp").has_value());
    BOOST_TEST(!store->replay("outbox-key-2", "fp").has_value());
    // And book() with the same key long after still makes no second booking.
    Answer late = store->book("outbox-key-1", "fp-" + std::to_string(kStart), request(kStart), kStart + 1800, 5,
                              kStart + 30 * 86400, created_body, "{}");
    BOOST_TEST(late.body == first.body);
    BOOST_TEST(store->taken("vsaa").at(kStart) == 1);
}

namespace {

// Every piece of every line, split at `sep` the way a spreadsheet would if it
// ignored the quotes, with the quote characters and spaces in front taken off.
std::vector<std::string> pieces(const std::string& csv, char sep) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        size_t a = cur.find_first_not_of("\" ");
        out.push_back(a == std::string::npos ? "" : cur.substr(a));
        cur.clear();
    };
    for (char c : csv) {
        if (c == sep || c == '\n') flush();
        else cur += c;
    }
    flush();
    return out;
}

bool phone(const std::string& p) {
    std::string s = p.substr(0, p.find('"'));
    return s.size() >= 8 && s[0] == '+' && s.find_first_not_of("0123456789", 1) == std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue12_export_csv_cannot_become_a_formula_with_any_separator) {
    DataDir dir;
    {
        auto store = Store::open(dir.path);
        booking::Request r = request(kStart, "Anna;=1+1");
        r.note = "ok\t=1+1, ; -2+3|@SUM(A1) \"=cmd\"";
        r.accessibility = "=HYPERLINK(\"http://x\")";
        r.topic = "+371 29";
        store->book("", "fp", r, kStart + 1800, 1, 1790000000, created_body, "{}");
        store->rate("", "r", rating::Rating{"service", "x", 3, "labi;+1|-1\t@x,=2", "lv"}, 1790000000);
    }
    auto bookings = cli_run::run("export bookings --data " + dir.path.string(), false);
    BOOST_REQUIRE(bookings.code == 0);
    auto ratings = cli_run::run("export ratings --data " + dir.path.string(), false);
    BOOST_REQUIRE(ratings.code == 0);
    const std::string& csv = bookings.output;
    // Exact bytes of the cells that carried formulas, and the phone left as it is.
    BOOST_TEST(csv.find(R"("Anna;'=1+1")") != std::string::npos);
    BOOST_TEST(csv.find("\"ok\t'=1+1, ;' -2+3|'@SUM(A1) \"\"=cmd\"\"\"") != std::string::npos);
    BOOST_TEST(csv.find(R"q("'=HYPERLINK(""http://x"")")q") != std::string::npos);
    BOOST_TEST(csv.find(R"("'+371 29")") != std::string::npos);
    BOOST_TEST(csv.find(R"(,"+37129123456",)") != std::string::npos);
    BOOST_TEST(csv.find(R"("2027-01-15T10:00:00+02:00")") != std::string::npos);
    BOOST_TEST(ratings.output.find("\"labi;'+1|'-1\t'@x,'=2\"") != std::string::npos);
    BOOST_TEST(csv.rfind("\"reference\",\"institution\",", 0) == 0);
    // Whatever separator the spreadsheet picks, no piece starts a formula.
    for (const std::string* out : {&bookings.output, &ratings.output})
        for (char sep : {',', ';', '\t', '|'})
            for (auto& p : pieces(*out, sep)) {
                bool formula = !p.empty() && std::string("=+-@").find(p[0]) != std::string::npos;
                BOOST_TEST(!(formula && !phone(p)), "separator '" << sep << "': " << p);
            }
}

// Issue 15: the institution's export tells 10-point ratings from old 1–5 ones, and the
// page feedback ("did you find what you were looking for?") can be exported too, with
// the same formula guard as every other cell.
BOOST_AUTO_TEST_CASE(issue15_export_carries_the_scale_and_the_page_feedback) {
    DataDir dir;
    {
        auto store = Store::open(dir.path);
        store->rate("", "r", rating::Rating{"service", "x", 9, "", "lv"}, 1790000000);
        rating::PageFeedback no{"/lv/pakalpojumi/x/", "no", "=1+1 pabalsts", "lv"};
        store->feedback("", "f", no, "", 1790000000);
        rating::PageFeedback yes{"/en/services/x/", "yes", "", "en"};
        store->feedback("", "g", yes, "", 1790000060);
    }
    auto ratings = cli_run::run("export ratings --data " + dir.path.string(), false);
    BOOST_REQUIRE(ratings.code == 0);
    BOOST_TEST(ratings.output.rfind("\"about\",\"target\",\"score\",\"scale\",", 0) == 0);
    BOOST_TEST(ratings.output.find("\"service\",\"x\",\"9\",\"10\",") != std::string::npos);
    auto feedback = cli_run::run("export feedback --data " + dir.path.string(), false);
    BOOST_REQUIRE(feedback.code == 0);
    BOOST_TEST(feedback.output.rfind("\"page\",\"found\",\"missing\",\"lang\",\"created\"\r\n", 0) == 0);
    BOOST_TEST(feedback.output.find("\"/lv/pakalpojumi/x/\",\"no\",\"'=1+1 pabalsts\",\"lv\",") != std::string::npos);
    BOOST_TEST(feedback.output.find("\"/en/services/x/\",\"yes\",\"\",\"en\",") != std::string::npos);
    auto wrong = cli_run::run("export visitors --data " + dir.path.string(), false);
    BOOST_TEST(wrong.code != 0);
}
