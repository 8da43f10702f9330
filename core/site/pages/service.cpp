// A service page: how, what to bring, fee, time, who, and where.
#include "site/structured.hpp"

#include "site/page.hpp"

namespace pietura::site::internal {

Page service(const Ctx& x, const Service& s, int n_contact_points) {
    const Institution* inst = x.c.institution(s.institution);
    std::string m = "<p class=\"lead\">" + esc(s.summary[x.lang]) + "</p>\n";
    m += audience_links(x, s.audiences);
    m += html::paragraphs(s.body[x.lang]);
    m += "<h2>" + x.e("service.how") + "</h2>\n" + channels(x, s);
    if (auto d = documents(x, s); !d.empty()) m += "<h2>" + x.e("service.documents") + "</h2>\n" + d;
    m += "<h2>" + x.e("service.fee") + "</h2>\n<p>" + esc(s.fee[x.lang]) + "</p>\n";
    m += "<h2>" + x.e("service.time") + "</h2>\n<p>" + esc(s.time[x.lang]) + "</p>\n";
    if (inst) {
        m += "<h2>" + x.e("service.institution") + "</h2>\n<p>" + esc(inst->name[x.lang]) + " (" +
             esc(inst->abbr[x.lang]) + ")</p>\n";
        if (html::is_web_url(inst->website))
            m += "<p>" + link(inst->website, x.e("service.website"), " class=\"external\"") + "</p>\n";
        m += "<p>" + link(institution_services_url(x, inst->id), x.f("service.more_from", {{"abbr", inst->abbr[x.lang]}})) +
             "</p>\n";
    }

    // Which step of which life situation this service is (issue 15): a link back to
    // that very step, so a citizen who arrived from search finds the rest of the way.
    std::vector<const LifeSituation*> in;
    for (auto& ls : x.c.life_situations)
        for (auto& st : ls.steps)
            if (contains(st.services, s.id)) {
                in.push_back(&ls);
                break;
            }
    if (!in.empty()) {
        std::vector<Entry> entries;
        for (auto* ls : by_title(x, in, [&](const LifeSituation& l) -> const std::string& { return l.title[x.lang]; })) {
            Entry e = entry(x, *ls);
            std::string steps;
            for (std::size_t i = 0; i < ls->steps.size(); ++i)
                if (contains(ls->steps[i].services, s.id)) {
                    std::string n = std::to_string(i + 1);
                    if (!steps.empty()) steps += "; ";
                    steps += link(e.url + "#step-" + n, x.f("situation.part_of.step", {{"n", n}, {"step", ls->steps[i].title[x.lang]}}));
                }
            e.meta_html = "<p class=\"part-of\">" + steps + "</p>";
            entries.push_back(std::move(e));
        }
        m += "<h2>" + x.e("service.situations") + "</h2>\n<p>" + x.e("situation.part_of") + "</p>\n" + card_list(entries);
    }

    m += "<h2>" + x.e("service.where") + "</h2>\n";
    if (n_contact_points > 0) m += "<p>" + x.f("service.where.count", {{"n", std::to_string(n_contact_points)}}) + "</p>\n";
    m += "<p>" + link(x.url(Kind::contact_points), x.e("service.where.link")) + "</p>\n";

    m += rating_block(x.s, x.o, x.lang, "service", s.id, x.url(Kind::service, s.id));
    PageSpec p{Kind::service, s.id, s.title[x.lang], s.summary[x.lang], {{x.t("services.title"), x.url(Kind::services)}},
               structured::government_service(x.c, s, x.lang, x.o.base_url)};
    return page(x, p, m);
}

}  // namespace pietura::site::internal
