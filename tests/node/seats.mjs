// Issue 15: booking tests that never compete for a seat. An institution's seats are
// shared by all its contact points (content/README.md, `seats`), so tests that each take
// "the first free time" (or "the last one: the others take the first") depend on each
// other's order and on how many seats there are. Each booking test asks instead for a
// time of its own: one that no other test on the same server has been given, read from
// the server's /api/slots (the times the time step lists too), and then checks exactly
// that time. Run alone, in any order or all together, every test finds its seat free.
export function seatKeeper(baseUrl) {
  const given = new Map(); // institution → the starts (unix seconds) handed out
  return async function ownSlot(institution, contactPoint) {
    const res = await fetch(`${baseUrl}/api/slots?institution=${institution}&contact_point=${contactPoint}`);
    if (res.status !== 200) throw new Error(`/api/slots ${institution} ${contactPoint}: ${res.status}`);
    const mine = given.get(institution) ?? new Set();
    given.set(institution, mine);
    const slot = (await res.json()).slots.find((s) => s.free > 0 && !mine.has(s.start_unix));
    if (!slot) throw new Error(`no time left for another test at ${institution} ${contactPoint}`);
    mine.add(slot.start_unix);
    return slot.start_unix;
  };
}
