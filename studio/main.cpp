// pietura-studio — the content editors' desktop studio (GLFW + OpenGL 3 + Dear ImGui).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <stb_image_write.h>
#endif

#include <unistd.h>

#include <cstring>
#include <iterator>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <vector>

#include "content/content.hpp"
#include "import/import.hpp"
#include "quality/quality.hpp"
#include "studio.hpp"
#include "text/text.hpp"

namespace fs = std::filesystem;
using namespace pietura;

namespace {

const char* kHelp = R"(pietura-studio — the content editors' studio: map, hours heatmap, quality report, diff

Usage: pietura-studio [options]

  --content DIR        content folder to check and build a snapshot from (default: content)
  --snapshot FILE      open this snapshot instead of building one (no quality report
                       unless --report is given)
  --report FILE        quality report JSON from `pietura check --json` (with --snapshot)
  --old FILE           a previous snapshot: the Diff tab compares it with the one opened
  --date YYYY-MM-DD    a day of the week the hours heatmap shows (default: today)
  --size WxH           window size in pixels (default: 1280x800)
  --select ID          open with this entity's record shown (as if clicked)
  --screenshot FILE    render, save the window as a PNG and exit (for tests and docs)
  --help               this help

Click a point on the map or an item of the report to see its record.
Exit codes: 0 success, 1 the content or a file could not be read, 2 wrong command line.
)";

struct Options {
    std::string content = "content", snapshot, report, old, date, screenshot, select;
    int width = 1280, height = 800;
};

int usage(const std::string& msg) {
    std::cerr << "pietura-studio: " << msg << "\nRun 'pietura-studio --help' for the options.\n";
    return 2;
}

bool load(const Options& o, studio::Model& m) {
    if (!o.snapshot.empty()) {
        // From bytes, as the browser core opens it (in the web build the file is in memory anyway).
        std::string bytes = text::read_file_or_throw(o.snapshot);
        m.catalogue = std::make_unique<snapshot::Catalogue>(
            snapshot::Catalogue::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        m.source = o.snapshot;
        if (!o.report.empty()) m.report = nlohmann::ordered_json::parse(text::read_file_or_throw(o.report));
    } else {
        std::vector<content::Diagnostic> diags;
        content::Content c = content::Content::load(o.content, diags);
        for (auto& d : diags) std::cerr << d.format() << "\n";
        if (content::has_errors(diags)) return false;
        std::vector<import::BusStop> stops;
        if (!c.bus_stops_gtfs.empty()) {
            std::vector<import::Problem> problems;
            stops = import::read_gtfs_stops_file(c.bus_stops_gtfs, problems);
            for (auto& p : problems) std::cerr << p.format() << "\n";
        }
        m.report = quality::check(c, stops).to_json();
        // The studio shows what the portal will get: it builds the snapshot and reads it back.
        fs::path tmp = fs::temp_directory_path() / ("pietura-studio-" + std::to_string(::getpid()) + ".sqlite");
        snapshot::write(c, tmp, {"studio"});
        m.catalogue = std::make_unique<snapshot::Catalogue>(snapshot::Catalogue::open(tmp));
        fs::remove(tmp);  // the open handle keeps it readable; nothing is left behind
        m.source = o.content;
    }
    m.atlas = atlas::Atlas::read(*m.catalogue);
    if (!o.old.empty()) m.diff = diff::compare(snapshot::Catalogue::open(o.old), *m.catalogue);
    hours::Date d = hours::to_riga(std::time(nullptr)).date;
    if (!o.date.empty()) {
        auto parsed = hours::Date::parse(o.date);
        if (!parsed) throw std::runtime_error("--date must be YYYY-MM-DD");
        d = *parsed;
    }
    m.set_date(d);
    return true;
}

#ifndef __EMSCRIPTEN__
bool save_png(const std::string& file, int w, int h) {
    std::vector<unsigned char> px(size_t(w) * size_t(h) * 4), flipped(px.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    for (int y = 0; y < h; ++y)  // OpenGL's rows run bottom-up, PNG's top-down
        std::memcpy(&flipped[size_t(y) * size_t(w) * 4], &px[size_t(h - 1 - y) * size_t(w) * 4], size_t(w) * 4);
    return stbi_write_png(file.c_str(), w, h, 4, flipped.data(), w * 4) != 0;
}
#endif

struct App {
    GLFWwindow* win = nullptr;
    studio::Model model;
    studio::UiState ui;
    Options options;
    int frame = 0, rc = 0;
    bool done = false;
};

void frame(void* arg) {
    App& app = *static_cast<App*>(arg);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(app.win, &fw, &fh);
    studio::draw(app.model, app.ui, float(fw), float(fh));
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    glClearColor(0.94f, 0.94f, 0.94f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++app.frame;
#ifdef __EMSCRIPTEN__
    // The page's script waits for this before it looks at the canvas.
    if (app.frame == 4) EM_ASM(document.body.dataset.studio = 'ready');
#else
    // ImGui lays windows out over the first frames; a few frames in, the picture is final.
    if (!app.options.screenshot.empty() && app.frame == 4) {
        if (save_png(app.options.screenshot, fw, fh)) {
            std::cout << "screenshot: " << app.options.screenshot << " (" << fw << "x" << fh << ")\n";
        } else {
            std::cerr << "pietura-studio: cannot write " << app.options.screenshot << "\n";
            app.rc = 1;
        }
        app.done = true;
        return;
    }
    glfwSwapBuffers(app.win);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= argc) return false;
            out = argv[++i];
            return true;
        };
        if (a == "--help" || a == "-h") {
            std::cout << kHelp;
            return 0;
        }
        bool ok = true;
        if (a == "--content") ok = value(o.content);
        else if (a == "--snapshot") ok = value(o.snapshot);
        else if (a == "--report") ok = value(o.report);
        else if (a == "--old") ok = value(o.old);
        else if (a == "--date") ok = value(o.date);
        else if (a == "--screenshot") ok = value(o.screenshot);
        else if (a == "--select") ok = value(o.select);
        else if (a == "--size") {
            std::string s;
            ok = value(s) && std::sscanf(s.c_str(), "%dx%d", &o.width, &o.height) == 2 && o.width >= 320 &&
                 o.height >= 240 && o.width <= 8192 && o.height <= 8192;
            if (!ok) return usage("--size must be WIDTHxHEIGHT, e.g. 1280x800");
        } else
            return usage("unknown option " + a);
        if (!ok) return usage("option " + a + " needs a value");
    }

    static App app;  // lives as long as the browser's main loop
    app.options = o;
    try {
        if (!load(o, app.model)) {
            std::cerr << "pietura-studio: the content has errors; run pietura check\n";
            return 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "pietura-studio: " << e.what() << "\n";
        return 1;
    }

    if (!glfwInit()) {
        std::cerr << "pietura-studio: cannot open a window (no display? run under Xvfb for --screenshot)\n";
        return 1;
    }
#ifdef __EMSCRIPTEN__
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);  // WebGL 2
    const char* glsl = "#version 300 es";
    const char* font = "/fonts/DejaVuSans.ttf";  // embedded at link time
#else
    const char* glsl = "#version 130";
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
#endif
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    app.win = glfwCreateWindow(o.width, o.height, "Pietura studio", nullptr, nullptr);
    if (!app.win) {
        std::cerr << "pietura-studio: cannot create an OpenGL 3.0 window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(app.win);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // fixed layout: nothing to remember between runs
    // Latvian needs Latin Extended-A (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž), which the built-in font lacks.
    static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0x2264, 0x2265, 0};
    if (fs::exists(font)) io.Fonts->AddFontFromFileTTF(font, 15.0f, nullptr, ranges);
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(app.win, true);
    ImGui_ImplOpenGL3_Init(glsl);

    std::snprintf(app.ui.date_text, sizeof app.ui.date_text, "%s", app.model.date.iso().c_str());
    if (!o.select.empty()) {
        const atlas::Point* p = app.model.atlas.find(o.select);
        std::string kind = p ? (p->kind == "place" ? "places" : "contact-points") : "services";
        if (app.model.report.is_object())
            for (auto& it : app.model.report["items"])
                if (it["id"] == o.select) kind = it["kind"].get<std::string>();
        app.ui.selected = o.select;
        app.ui.selected_kind = kind;
        app.ui.jump_to_record = true;
    }
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &app, 0, true);
    return 0;
#else
    while (!glfwWindowShouldClose(app.win) && !app.done) frame(&app);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(app.win);
    glfwTerminate();
    return app.rc;
#endif
}
