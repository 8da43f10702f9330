// tests/core/fixture.hpp — a small, valid content folder written to a temp dir,
// which a test then breaks in exactly one way to check the error it gets.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fixture {

namespace fs = std::filesystem;

inline fs::path temp_dir(const std::string& tag) {
    std::random_device rd;
    fs::path p = fs::temp_directory_path() / ("pietura-" + tag + "-" + std::to_string(rd()));
    fs::create_directories(p);
    return p;
}

inline void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// A minimal catalogue: 1 institution, 1 audience, 2 services, 1 life situation,
// 1 territory, 1 place, 1 contact point, 1 holiday year.
inline fs::path mini_content(const std::string& tag) {
    fs::path dir = temp_dir(tag) / "content";
    fs::create_directories(dir);
    fs::copy(fs::path(PIETURA_SOURCE_DIR) / "content" / "schema", dir / "schema");
    write(dir / "institutions/vsaa.json", R"({
  "id": "vsaa",
  "abbr": {"lv": "VSAA", "en": "SSIA"},
  "name": {"lv": "Valsts sociālās apdrošināšanas aģentūra", "en": "State Social Insurance Agency"},
  "website": "https://www.vsaa.gov.lv",
  "basket": true
}
)");
    write(dir / "audiences/seniors.json", R"({"id": "seniors", "title": {"lv": "Seniori", "en": "Seniors"},
  "summary": {"lv": "Pensijas un pabalsti.", "en": "Pensions and benefits."}}
)");
    const char* service = R"({
  "id": "%ID%",
  "institution": "vsaa",
  "title": {"lv": "%LV%", "en": "%EN%"},
  "summary": {"lv": "Īss apraksts.", "en": "Short summary."},
  "body": {"lv": "Teksts.", "en": "Text."},
  "keywords": {"lv": ["pabalsts"], "en": ["benefit"]},
  "audiences": ["seniors"],
  "channels": {"eservice": "https://www.latvija.gov.lv/", "contact_point": true},
  "documents": {"lv": [], "en": []},
  "fee": {"lv": "Bez maksas", "en": "Free"},
  "time": {"lv": "10 darba dienas", "en": "10 working days"},
  "popularity": 50
}
)";
    auto svc = [&](const std::string& id, const std::string& lv, const std::string& en) {
        std::string s = service;
        s.replace(s.find("%ID%"), 4, id);
        s.replace(s.find("%LV%"), 4, lv);
        s.replace(s.find("%EN%"), 4, en);
        write(dir / "services" / (id + ".json"), s);
    };
    svc("vsaa-vecuma-pensija", "Vecuma pensija", "Old-age pension");
    svc("vsaa-slimibas-pabalsts", "Slimības pabalsts", "Sickness benefit");
    write(dir / "life-situations/pensionesanas.json", R"({
  "id": "pensionesanas",
  "title": {"lv": "Pensionēšanās", "en": "Retirement"},
  "summary": {"lv": "Kā pieteikt pensiju.", "en": "How to claim a pension."},
  "audiences": ["seniors"],
  "questions": [{"id": "worked", "text": {"lv": "Vai strādājāt?", "en": "Did you work?"}}],
  "steps": [
    {"title": {"lv": "Piesakiet pensiju", "en": "Claim the pension"},
     "text": {"lv": "Iesniedziet iesniegumu.", "en": "Submit an application."},
     "services": ["vsaa-vecuma-pensija"]},
    {"title": {"lv": "Slimības pabalsts", "en": "Sickness benefit"},
     "text": {"lv": "Ja slimojat.", "en": "If you are ill."},
     "services": ["vsaa-slimibas-pabalsts"], "when": {"worked": true}}
  ]
}
)");
    write(dir / "territories/cesu-novads.json",
          R"({"id": "cesu-novads", "kind": "municipality", "name": {"lv": "Cēsu novads", "en": "Cēsis Municipality"}})");
    write(dir / "places/cesu-novads.json",
          R"([{"id": "cesis", "name": "Cēsis", "territory": "cesu-novads", "lat": 57.3119, "lon": 25.2706}])");
    write(dir / "contact-points/vpvkac-cesis.json", R"({
  "id": "vpvkac-cesis",
  "name": {"lv": "Cēsu VPVKAC", "en": "Cēsis one-stop shop"},
  "kind": "vpvkac",
  "territory": "cesu-novads",
  "address": {"lv": "Raunas iela 4, Cēsis", "en": "Raunas iela 4, Cēsis"},
  "lat": 57.3119, "lon": 25.2706,
  "phone": "+371 64100000",
  "email": "vpvkac@cesis.lv",
  "hours": "Mo-Th 08:00-12:00,12:30-17:00; Fr 08:00-14:00; PH off",
  "institutions": ["vsaa"],
  "remote_consultation": ["vsaa"],
  "accessibility": {"step_free": true}
}
)");
    write(dir / "holidays/2026.json", R"({"year": 2026, "extra": [], "transfers": []})");
    return dir;
}

}  // namespace fixture
