// SQLite's operating-system layer for the browser (issue 13): built only where SQLite
// is compiled with SQLITE_OS_OTHER=1 (the wasm build, see CMakeLists.txt); natively
// SQLite keeps its own unix layer and this file is empty.
//
// The browser opens one snapshot from memory (sqlite3_deserialize, SQLite's memdb)
// and never a file by name. SQLite's unix layer would pull Emscripten's whole
// emulated file system into the download (about 44 % of the JavaScript glue) just
// to be registered. This layer registers a VFS that has what the memory databases
// and the sorter still ask an OS for: temporary files (a large ORDER BY spills to
// one; they live in memory, as they did in Emscripten's MEMFS), randomness, the
// clock. Opening a named file fails with SQLITE_CANTOPEN, a clear error.
#include <sqlite3.h>

#if defined(SQLITE_OS_OTHER) && SQLITE_OS_OTHER

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <new>
#include <vector>

#include <sys/random.h>  // getentropy; after <cstddef>: Emscripten's copy needs size_t declared

namespace {

// A temporary file: bytes in memory, gone on close (SQLite opens these with
// DELETEONCLOSE and never by name).
struct TempFile {
    sqlite3_file base;
    std::vector<unsigned char>* data;
};

std::vector<unsigned char>& bytes(sqlite3_file* f) { return *reinterpret_cast<TempFile*>(f)->data; }

int temp_close(sqlite3_file* f) {
    delete reinterpret_cast<TempFile*>(f)->data;
    reinterpret_cast<TempFile*>(f)->data = nullptr;
    return SQLITE_OK;
}

int temp_read(sqlite3_file* f, void* out, int n, sqlite3_int64 off) {
    auto& d = bytes(f);
    sqlite3_int64 have = off < sqlite3_int64(d.size()) ? std::min<sqlite3_int64>(n, sqlite3_int64(d.size()) - off) : 0;
    if (have > 0) std::memcpy(out, d.data() + off, size_t(have));
    if (have < n) {
        // SQLite requires the unread rest to be zeroed on a short read.
        std::memset(static_cast<char*>(out) + have, 0, size_t(n - have));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int temp_write(sqlite3_file* f, const void* in, int n, sqlite3_int64 off) {
    auto& d = bytes(f);
    try {
        if (size_t(off) + size_t(n) > d.size()) d.resize(size_t(off) + size_t(n));
    } catch (const std::bad_alloc&) {
        return SQLITE_IOERR_NOMEM;
    }
    std::memcpy(d.data() + off, in, size_t(n));
    return SQLITE_OK;
}

int temp_truncate(sqlite3_file* f, sqlite3_int64 size) {
    auto& d = bytes(f);
    if (size < sqlite3_int64(d.size())) d.resize(size_t(size));
    return SQLITE_OK;
}

int temp_size(sqlite3_file* f, sqlite3_int64* size) {
    *size = sqlite3_int64(bytes(f).size());
    return SQLITE_OK;
}

int temp_sync(sqlite3_file*, int) { return SQLITE_OK; }
int temp_lock(sqlite3_file*, int) { return SQLITE_OK; }
int temp_check_lock(sqlite3_file*, int* out) {
    *out = 0;
    return SQLITE_OK;
}
int temp_control(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int temp_sector(sqlite3_file*) { return 512; }
int temp_characteristics(sqlite3_file*) { return 0; }

const sqlite3_io_methods kTempMethods = {
    1,          temp_close, temp_read,    temp_write,  temp_truncate,         temp_sync,
    temp_size,  temp_lock,  temp_lock,    temp_check_lock, temp_control,      temp_sector,
    temp_characteristics,
};

int os_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    f->pMethods = nullptr;
    if (name) return SQLITE_CANTOPEN;  // no file system in the browser: only temporary files
    auto* data = new (std::nothrow) std::vector<unsigned char>();
    if (!data) return SQLITE_NOMEM;
    reinterpret_cast<TempFile*>(f)->data = data;
    f->pMethods = &kTempMethods;
    if (out_flags) *out_flags = flags;
    return SQLITE_OK;
}

int os_delete(sqlite3_vfs*, const char*, int) { return SQLITE_IOERR_DELETE; }

int os_access(sqlite3_vfs*, const char*, int, int* out) {
    *out = 0;
    return SQLITE_OK;
}

int os_full_pathname(sqlite3_vfs*, const char* in, int n, char* out) {
    sqlite3_snprintf(n, out, "%s", in);
    return SQLITE_OK;
}

int os_randomness(sqlite3_vfs*, int n, char* out) {
    // getentropy() gives at most 256 bytes per call (the browser's crypto.getRandomValues).
    for (int done = 0; done < n;) {
        int chunk = std::min(256, n - done);
        if (getentropy(out + done, size_t(chunk)) != 0) std::memset(out + done, 0, size_t(chunk));
        done += chunk;
    }
    return n;
}

int os_sleep(sqlite3_vfs*, int microseconds) { return microseconds; }  // nothing to wait for: no locks

int os_current_time_int64(sqlite3_vfs*, sqlite3_int64* t) {
    // Julian day in milliseconds, as SQLite's unix layer computes it.
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    *t = sqlite3_int64(24405875) * 8640000 + sqlite3_int64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    return SQLITE_OK;
}

int os_current_time(sqlite3_vfs* vfs, double* t) {
    sqlite3_int64 ms = 0;
    os_current_time_int64(vfs, &ms);
    *t = double(ms) / 86400000.0;
    return SQLITE_OK;
}

int os_last_error(sqlite3_vfs*, int, char*) { return 0; }

sqlite3_vfs vfs = {
    2,                     // iVersion: has xCurrentTimeInt64
    int(sizeof(TempFile)), // szOsFile
    512,                   // mxPathname
    nullptr,
    "memory",
    nullptr,
    os_open,
    os_delete,
    os_access,
    os_full_pathname,
    nullptr, nullptr, nullptr, nullptr,  // no extensions are loaded (SQLITE_OMIT_LOAD_EXTENSION)
    os_randomness,
    os_sleep,
    os_current_time,
    os_last_error,
    os_current_time_int64,
    nullptr, nullptr, nullptr,
};

}  // namespace

extern "C" int sqlite3_os_init(void) { return sqlite3_vfs_register(&vfs, 1); }
extern "C" int sqlite3_os_end(void) { return SQLITE_OK; }

#endif
