# Writes the inputs of run.sh into dir: four RSS feeds of news-like items, and two config directories
# sharing settings, feeds and subscribers: config-10 (ten rules that match some items) and config-10000
# (the same ten plus 9,990 watch-list rules, each requiring a made-up name that no item contains).
# Seeded: every run writes the same bytes. Usage: awk -v dir=DIR -v items=20000 -f generate.awk
BEGIN {
  srand(20261208)
  split("world europe business science", feeds, " ")
  nfeeds = 4

  # Common words first: word i is drawn with weight 1/(i+8), so the head of the list dominates as in news text.
  nvocab = split("said government officials minister people country city president police week year " \
    "report told state public new national local health security talks border troops army military " \
    "election vote party leader parliament court judge law crisis attack forces region capital " \
    "economy market prices rates inflation bank central growth trade exports oil gas energy " \
    "company workers union strike pay jobs factory investors shares profit sanctions deal agreement " \
    "ceasefire truce peace negotiators summit foreign ministry embassy refugees refugee camp aid " \
    "water food shortage hospital doctors vaccine patients outbreak disease scientists study research " \
    "climate weather storm flood flooding wildfire evacuation earthquake rescue damage residents " \
    "villages roads bridge railway airport flights travel tourism football match season team coach " \
    "fans stadium festival music film museum school students teachers university children families " \
    "housing rent homes protest protesters demonstrators crowd fraud corruption investigation " \
    "prosecutors arrest charges trial prison border guards crossing fighting shelling drone missile " \
    "navy port harbour ships cargo fuel power grid outage heat drought harvest farmers wheat grain " \
    "budget taxes spending debt loan reform plan policy decision statement spokesperson interview " \
    "morning evening night early late after before during amid despite following across northern " \
    "southern eastern western coastal rural urban major minor several many few dozens hundreds " \
    "thousands million billion percent record highest lowest first last second third expected " \
    "announced warned denied confirmed rejected approved promised called urged delayed cancelled " \
    "increase decline rise fall cut boost support opposition coalition reforms agency council " \
    "mayor governor senator committee hearing inquiry data figures survey poll analysts experts", vocab, " ")
  for (i = 1; i <= nvocab; i++) { known[vocab[i]] = 1; total += 1 / (i + 8); cumulative[i] = total }
  ncategories = split("Politics Economy World Europe Science Health Climate Sport Culture Security Business", categories, " ")

  nsyllables = split("vor kast zel brin thu oxa quel myr dra fen gol wyth skar ilo penn trav ulm hask bex nor " \
    "jarn kel tor vask ryl dun oth pim sarn evo", syllables, " ")
  ncontext = split("border troops election ministry sanctions oil bank rates harbour strike protest court " \
    "refugees aid summit talks drone wildfire vaccine fraud", context, " ")

  for (f = 1; f <= nfeeds; f++) feed(f, int(items / nfeeds) + (f <= items % nfeeds ? 1 : 0))
  config(dir "/config-10", 0)
  config(dir "/config-10000", 9990)
}

function word() {
  r = rand() * total
  lo = 1; hi = nvocab
  while (lo < hi) { mid = int((lo + hi) / 2); if (cumulative[mid] < r) lo = mid + 1; else hi = mid }
  return vocab[lo]
}

function words(n,    s, k) {
  s = word()
  for (k = 2; k <= n; k++) s = s " " word()
  return s
}

function capital(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }

function sentences(n,    s, k) {
  s = ""
  for (k = 1; k <= n; k++) s = s (k > 1 ? " " : "") capital(words(8 + int(rand() * 12))) (rand() < 0.2 ? ", officials said." : ".")
  return s
}

function feed(f, count,    path, i, c) {
  path = dir "/feeds/" feeds[f] ".xml"
  print "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\">\n  <channel>" > path
  print "    <title>" capital(feeds[f]) " Desk</title>\n    <link>https://news.example.org/" feeds[f] "</link>" > path
  print "    <description>Generated " feeds[f] " news for the test-rule benchmark.</description>" > path
  for (i = 1; i <= count; i++) {
    print "    <item>\n      <title>" capital(words(6 + int(rand() * 7))) "</title>" > path
    print "      <link>https://news.example.org/" feeds[f] "/" i "</link>" > path
    print "      <guid isPermaLink=\"false\">" feeds[f] "-" i "</guid>" > path
    print "      <description>&lt;p&gt;" sentences(2 + int(rand() * 4)) "&lt;/p&gt;</description>" > path
    for (c = int(rand() * 3); c > 0; c--) print "      <category>" categories[1 + int(rand() * ncategories)] "</category>" > path
    print "    </item>" > path
  }
  print "  </channel>\n</rss>" > path
  close(path)
}

# A made-up name, checked against the item vocabulary with the plural forms a bare word also matches.
function name(    s, k) {
  do {
    s = ""
    for (k = 2 + int(rand() * 2); k > 0; k--) s = s syllables[1 + int(rand() * nsyllables)]
  } while (s in known || (s "s") in known || (s "es") in known || length(s) < 6)
  return s
}

function pick() { return context[1 + int(rand() * ncontext)] }

# Ten shapes of query, each needing a name that no item has.
function watchQuery(i,    a, b) {
  a = name(); b = name()
  if (i % 10 == 0) return a " AND " pick()
  if (i % 10 == 1) return a " " pick()
  if (i % 10 == 2) return "'\"" a " " pick() "\"'"
  if (i % 10 == 3) return a " NEAR/5 " pick()
  if (i % 10 == 4) return "title:" a
  if (i % 10 == 5) return "(" a " OR " b ") AND " pick()
  if (i % 10 == 6) return a " -football"
  if (i % 10 == 7) return "'\"" a " " b "\"'"
  if (i % 10 == 8) return a " AND (" pick() " OR " pick() ")"
  return a "*"
}

function config(path, extra,    out, f, i, file) {
  system("mkdir -p '" path "'")
  out = path "/aggregator.yaml"
  print "settings:\n  storage:\n    provider: sqlite\n    connectionString: \"Data Source=data/aggregator.db\"" > out
  print "  alerts:\n    maxItemAge: 7d" > out
  close(out)
  out = path "/feeds.yaml"
  print "feeds:" > out
  for (f = 1; f <= nfeeds; f++) print "  - id: " feeds[f] "\n    url: ../feeds/" feeds[f] ".xml\n    every: 15m\n    tags: [news, " feeds[f] "]" > out
  close(out)
  out = path "/subscribers.yaml"
  print "subscribers:\n  - id: desk\n    email: [desk@example.org]\n    digest: immediate\n    timezone: Europe/London" > out
  print "  - id: analysts\n    email: [analysts@example.org]\n    digest: daily 08:00\n    timezone: Europe/Berlin" > out
  close(out)
  out = path "/rules.yaml"
  print "rules:" > out
  rule(out, "troops-at-border", "troops NEAR/3 border", "")
  rule(out, "rate-decision", "'\"central bank\" AND (rates OR inflation)'", "")
  rule(out, "election-fraud", "election NEAR/5 fraud", "")
  rule(out, "quake-headlines", "title:earthquake", "")
  rule(out, "refugee-camps", "refugee* AND camp", "[\"tag:world\", \"tag:europe\"]")
  rule(out, "floods-and-fires", "(wildfire OR flood) AND evacuation", "")
  rule(out, "strikes", "title:strike -football", "[business]")
  rule(out, "ceasefire-talks", "(ceasefire OR truce) NEAR/10 talks", "")
  rule(out, "oil-sanctions", "sanctions NEAR/5 oil", "[\"tag:news\"]")
  rule(out, "vaccine-shortage", "vaccine AND shortage", "[science]")
  close(out)
  # Watch lists of 999 rules a file, as an operator might keep one per desk.
  for (i = 0; i < extra; i++) {
    file = sprintf("%s/watchlist-%02d.yaml", path, int(i / 999) + 1)
    if (i % 999 == 0) { if (i > 0) close(out); out = file; print "rules:" > out }
    rule(out, sprintf("watch-%05d", i + 1), watchQuery(i), i % 4 == 0 ? "[\"tag:" feeds[1 + i % nfeeds] "\"]" : "")
  }
  close(out)
}

function rule(out, id, query, scope) {
  print "  - id: " id "\n    query: " query > out
  if (scope != "") print "    feeds: " scope > out
  print "    notify: [" (length(id) % 2 ? "desk" : "desk, analysts") "]" > out
}
