"""Figures for compare.sh from what one run collected in a cell directory.

    analyse.py cell DIR      throughput cell -> DIR/result.json, and prints the cell's block
    analyse.py kill DIR      kill test       -> DIR/result.json, and prints the block
    analyse.py table DIR...  the final table over the cells' result.json files
"""
import json, os, statistics, sys


def load(d, name):
    with open(os.path.join(d, name)) as f:
        return json.load(f)


def gaps_in(times, t0, t1):
    """Gaps between consecutive requests whose later request falls in (t0, t1], plus the gap still open at t1."""
    out = []
    for a, b in zip(times, times[1:]):
        if t0 < b <= t1:
            out.append(b - a)
    before = [t for t in times if t <= t1]
    if before:
        out.append(t1 - before[-1])       # open gap: counts only when it already exceeds the allowance
    else:
        out.append(t1 - t0)
    return out


def pct(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def cell(d):
    meta = load(d, 'meta.json')
    reqs = load(d, 'requests.json')
    t0, t1, every, slack = meta['t0'], meta['t1'], meta['every'], meta['slack']
    el = t1 - t0
    window = [r for r in reqs if t0 < r[1] <= t1]
    polls = len(window)
    pid_node = {int(p): n for n, p in meta['pids'].items()}
    per_node = {n: 0 for n in meta['pids']}
    unknown = 0
    for r in window:
        n = pid_node.get(r[2])
        if n is None:
            unknown += 1
        else:
            per_node[n] += 1
    by_feed = {}
    for r in reqs:
        by_feed.setdefault(r[0], []).append(r[1])
    full = sum(1 for r in window if len(r) > 3 and r[3] == 200)
    allowance = every + slack
    ok = total = feeds_ok = 0
    all_gaps = []
    for f in range(meta['feeds']):
        times = sorted(by_feed.get(str(f), []))
        g = gaps_in(times, t0, t1)
        closed, open_gap = g[:-1], g[-1]
        all_gaps += closed
        total += len(closed)
        ok += sum(1 for x in closed if x <= allowance)
        if open_gap > allowance:       # a feed left waiting past its allowance at the end is a late gap too
            total += 1
            all_gaps.append(open_gap)
        if max(g) <= allowance:
            feeds_ok += 1
    tck = meta['clk_tck']
    cpu = sum(meta['cpu1'][n] - meta['cpu0'][n] for n in meta['pids']) / tck
    stmts = meta['pgss_calls']
    machine = None
    if 'stat0' in meta:
        a, b = [list(map(int, meta[k].split())) for k in ('stat0', 'stat1')]
        ticks = [y - x for x, y in zip(a, b)]
        machine = (sum(ticks) - ticks[3] - ticks[4]) / tck / el   # all but idle and iowait, in cores
    commits = meta['xact1'] - meta['xact0']
    res = {
        'kind': 'cell', 'label': meta['label'], 'round': meta.get('round', 1), 'nodes': meta['nodes'], 'feeds': meta['feeds'], 'every': every,
        'seconds': el, 'polls': polls, 'full_fetches': full, 'warmup': meta.get('warmup'), 'polls_s': polls / el, 'wanted_s': meta['feeds'] / every,
        'per_node_s': {n: c / el for n, c in per_node.items()}, 'unattributed': unknown,
        'cpu_s': cpu, 'cores': cpu / el, 'cpu_ms_per_poll': 1000 * cpu / max(polls, 1),
        'stmts_per_poll': stmts / max(polls, 1), 'commits_per_poll': commits / max(polls, 1),
        'stmts': stmts, 'commits': commits,
        'on_time': ok / total if total else 0.0, 'gaps': total, 'feeds_on_time': feeds_ok / max(meta['feeds'], 1),
        'gap_p50': pct(all_gaps, 50), 'gap_p95': pct(all_gaps, 95), 'gap_max': max(all_gaps or [0]),
        'machine_cores': machine, 'feed_server_cores': meta.get('feeds_cpu', 0) / tck / el,
        'throttled': meta.get('throttled', {}), 'top': meta['top'], 'dll': meta['dll'],
    }
    with open(os.path.join(d, 'result.json'), 'w') as f:
        json.dump(res, f, indent=1)
    print(cell_block(res))


def cell_block(r):
    lines = ['== %s, %d node(s), %d feeds every %gs, %.0f s measured (%s)' % (
        r['label'], r['nodes'], r['feeds'], r['every'], r['seconds'], r['dll'])]
    per = ', '.join('node%s %.1f' % (n, v) for n, v in sorted(r['per_node_s'].items()))
    lines.append('   polls/s %.1f of %.0f wanted (%s%s); %d of %d polls fetched the feed in full (200), the rest 304' % (
        r['polls_s'], r['wanted_s'], per, ', %d unattributed' % r['unattributed'] if r['unattributed'] else '',
        r.get('full_fetches', 0), r['polls']))
    if r.get('warmup'):
        lines.append('   warm-up %.0f s (until every feed had been polled once, at least the minimum)' % r['warmup'])
    lines.append('   worker CPU %.2f cores, %.1f ms per poll; throttled periods: %s' % (
        r['cores'], r['cpu_ms_per_poll'], ', '.join('node%s %s' % kv for kv in sorted(r['throttled'].items())) or '-'))
    if r.get('machine_cores') is not None:
        lines.append('   machine busy %.2f cores of %d (feed server %.2f, worker nodes %.2f, the rest mostly PostgreSQL)' % (
            r['machine_cores'], os.cpu_count() or 0, r['feed_server_cores'], r['cores']))
    lines.append('   PostgreSQL %.1f statements and %.1f commits per poll (%d statements, %d commits)' % (
        r['stmts_per_poll'], r['commits_per_poll'], r['stmts'], r['commits']))
    lines.append('   on schedule: %.1f%% of %d gaps <= interval + 2 s (gap p50 %.1f s, p95 %.1f s, max %.1f s); '
                 '%.1f%% of feeds never waited longer' % (
        100 * r['on_time'], r['gaps'], r['gap_p50'], r['gap_p95'], r['gap_max'], 100 * r['feeds_on_time']))
    lines.append('   top statements by calls (calls, per poll, query):')
    polls = max(r['polls'], 1)
    for calls, query in r['top']:
        lines.append('     %8d %6.2f  %s' % (calls, calls / polls, query))
    return '\n'.join(lines)


def kill(d):
    meta = load(d, 'meta.json')
    reqs = load(d, 'requests.json')
    published = load(d, 'published.json')
    hooks = load(d, 'hooks.json')
    tk, tend = meta['t_kill'], meta['t_kill'] + meta['after_kill']
    by_feed = {}
    for r in reqs:
        by_feed.setdefault(r[0], []).append(r[1])
    worst = []
    for f in range(meta['feeds']):
        times = sorted(by_feed.get(str(f), []))
        g = []
        for a, b in zip(times, times[1:]):
            if b > tk and a < tend:
                g.append(min(b, tend) - a)
        last = [t for t in times if t <= tend]
        g.append(tend - last[-1] if last else tend - tk)
        worst.append((max(g), f))
    worst.sort(reverse=True)
    pub = {guid for _, guid, _ in published}
    delivered = {}
    per_item_ids = {}
    wid_count = {}
    for _, wid, _, ids in hooks:
        wid_count[wid] = wid_count.get(wid, 0) + 1
        for i in ids:
            delivered[i] = delivered.get(i, 0) + 1
            per_item_ids.setdefault(i, set()).add(wid)
    got = set(delivered) & pub
    lost = sorted(pub - set(delivered))
    res = {
        'kind': 'kill', 'label': meta['label'], 'nodes': meta['nodes'], 'feeds': meta['feeds'], 'every': meta['every'],
        'max_gap': worst[0][0] if worst else 0, 'max_gap_feed': worst[0][1] if worst else None,
        'median_feed_max_gap': statistics.median([w for w, _ in worst]) if worst else 0,
        'feeds_over_20s': sum(1 for w, _ in worst if w > 20),
        'published': len(pub), 'delivered_items': len(got), 'lost': len(lost), 'lost_sample': lost[:10],
        'unknown_items': len(set(delivered) - pub), 'deliveries': len(hooks),
        'items_repeated': sum(1 for i, c in delivered.items() if c > 1),
        'webhook_ids_repeated': sum(1 for c in wid_count.values() if c > 1),
        'items_with_two_ids': sum(1 for s in per_item_ids.values() if len(s) > 1),
        'published_before_kill': sum(1 for _, _, t in published if t <= tk),
    }
    with open(os.path.join(d, 'result.json'), 'w') as f:
        json.dump(res, f, indent=1)
    print(kill_block(res))


def kill_block(r):
    return '\n'.join([
        '== kill test, %s: %d nodes, %d feeds every %gs, node 1 SIGKILLed' % (r['label'], r['nodes'], r['feeds'], r['every']),
        '   longest gap between polls of a feed after the kill: %.1f s (feed %s; median of per-feed longest %.1f s; '
        '%d feeds over 20 s)' % (r['max_gap'], r['max_gap_feed'], r['median_feed_max_gap'], r['feeds_over_20s']),
        '   items published %d (%d before the kill), distinct delivered %d, lost %d%s%s' % (
            r['published'], r['published_before_kill'], r['delivered_items'], r['lost'],
            ' e.g. ' + ' '.join(r['lost_sample']) if r['lost'] else '',
            ', %d delivered items not published' % r['unknown_items'] if r['unknown_items'] else ''),
        '   deliveries %d; items delivered more than once %d; webhook-ids received more than once %d; '
        'items under two different webhook-ids %d' % (
            r['deliveries'], r['items_repeated'], r['webhook_ids_repeated'], r['items_with_two_ids']),
    ])


def table(dirs):
    rs = []
    for d in dirs:
        p = os.path.join(d, 'result.json')
        if os.path.exists(p):
            with open(p) as f:
                rs.append(json.load(f))
    cells = [r for r in rs if r['kind'] == 'cell']
    out = []
    if cells:
        keys = ('polls_s', 'cpu_ms_per_poll', 'stmts_per_poll', 'commits_per_poll', 'on_time', 'feeds_on_time')
        rounds = max(r.get('round', 1) for r in cells)
        one = {(r['label'], r.get('round', 1)): r for r in cells if r['nodes'] == 1}
        groups = {}
        for r in cells:
            groups.setdefault((r['label'], r['nodes']), []).append(r)
        if rounds > 1:             # the median of each figure over the rounds, after the rounds themselves
            for (label, nodes), rows_ in list(groups.items()):
                med = {k: statistics.median(x.get(k, 0) for x in rows_) for k in keys}
                med.update({'label': label, 'nodes': nodes, 'feeds': rows_[0]['feeds'], 'round': 'median'})
                groups[(label, nodes)] = rows_ + [med]
            for label in {r['label'] for r in cells}:
                if (label, 1) in groups:
                    one[(label, 'median')] = groups[(label, 1)][-1]
        hdr = ('scheduler', 'round', 'nodes', 'feeds', 'polls/s', 'per node', 'x 1 node', 'CPU ms/poll', 'x 1 node',
               'stmts/poll', 'commits/poll', 'gaps on time', 'feeds on time')
        rows = []
        for key in sorted(groups, key=lambda k: (k[0] != 'base', k[0], k[1])):
            for r in groups[key]:
                rnd = r.get('round', 1)
                base = one.get((r['label'], rnd))
                rows.append((r['label'], str(rnd), str(r['nodes']), str(r['feeds']), '%.1f' % r['polls_s'],
                             '%.1f' % (r['polls_s'] / r['nodes']),
                             '%.2f' % (r['polls_s'] / base['polls_s']) if base and base['polls_s'] else '-',
                             '%.1f' % r['cpu_ms_per_poll'],
                             '%.2f' % (r['cpu_ms_per_poll'] / base['cpu_ms_per_poll']) if base and base['cpu_ms_per_poll'] else '-',
                             '%.1f' % r['stmts_per_poll'], '%.1f' % r['commits_per_poll'], '%.1f%%' % (100 * r['on_time']),
                             '%.1f%%' % (100 * r.get('feeds_on_time', 0))))
        if rounds == 1:
            hdr = hdr[:1] + hdr[2:]
            rows = [row[:1] + row[2:] for row in rows]
        widths = [max(len(x) for x in col) for col in zip(hdr, *rows)]
        fmt = ' | '.join('%%-%ds' % w for w in widths)
        out.append(fmt % hdr)
        out.append('-+-'.join('-' * w for w in widths))
        out += [fmt % row for row in rows]
        out.append('("x 1 node": polls/s, and CPU per poll, relative to the same scheduler on one node%s; '
                   '"gaps on time": share of gaps between\n'
                   'consecutive polls of a feed <= interval + 2 s; "feeds on time": share of feeds with no longer gap in the window)'
                   % (' in the same round' if rounds > 1 else ''))
    kills = [r for r in rs if r['kind'] == 'kill']
    if kills:
        hdr = ('kill test', 'nodes', 'feeds', 'longest gap after kill', 'feeds > 20 s', 'published', 'delivered',
               'lost', 'delivered twice+', 'webhook-id repeated')
        rows = [(r['label'], str(r['nodes']), '%d every %gs' % (r['feeds'], r['every']), '%.1f s' % r['max_gap'],
                 str(r['feeds_over_20s']), str(r['published']), str(r['delivered_items']), str(r['lost']),
                 str(r['items_repeated']), str(r['webhook_ids_repeated'])) for r in kills]
        widths = [max(len(x) for x in col) for col in zip(hdr, *rows)]
        fmt = ' | '.join('%%-%ds' % w for w in widths)
        out += ['', fmt % hdr, '-+-'.join('-' * w for w in widths)] + [fmt % row for row in rows]
    print('\n'.join(out))


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'cell':
        cell(sys.argv[2])
    elif cmd == 'kill':
        kill(sys.argv[2])
    elif cmd == 'table':
        table(sys.argv[2:])
    else:
        sys.exit('usage: analyse.py cell|kill|table DIR...')
