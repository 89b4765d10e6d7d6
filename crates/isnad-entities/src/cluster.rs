//! One entity per real-world referent: mentions grouped, ids by first mention, canonical
//! names.

use isnad_core::{Entity, EntityLabel, Mention, MentionKind, Span};

use crate::mentions::Found;

struct Cluster {
    label: EntityLabel,
    members: Vec<usize>,
    /// The longest name key so far.
    key: Vec<String>,
    gazetteer: Option<usize>,
    value: Option<String>,
    last_start: usize,
}

/// Whether `short` occurs as consecutive words of `long`.
fn contains_run(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn joins(cluster: &Cluster, f: &Found) -> bool {
    if let Some(v) = &f.value {
        return cluster.label == f.label && cluster.value.as_ref() == Some(v);
    }
    if cluster.value.is_some() || (cluster.label == EntityLabel::Per) != (f.label == EntityLabel::Per) {
        return false;
    }
    if f.label == EntityLabel::Per {
        // a surname or first name alone joins the full name, and the other way round
        return contains_run(&cluster.key, &f.key) || contains_run(&f.key, &cluster.key);
    }
    match (cluster.gazetteer, f.gazetteer) {
        (Some(a), Some(b)) => a == b,
        // `التحالف الدولي` after `التحالف الدولي ضد داعش`
        _ => cluster.key == f.key || (f.key.len() >= 2 && cluster.key.starts_with(&f.key)),
    }
}

/// Groups the mentions into entities.
pub fn cluster(text: &str, found: &[Found]) -> Vec<Entity> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].span.start, std::cmp::Reverse(found[i].span.end)));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of: Vec<Option<usize>> = vec![None; found.len()];
    // names and values first, then what links to them
    for &i in order.iter().filter(|&&i| found[i].link.is_none()) {
        let f = &found[i];
        let candidate = (0..clusters.len()).filter(|&c| joins(&clusters[c], f)).max_by_key(|&c| clusters[c].last_start);
        let c = match candidate {
            Some(c) => c,
            None => {
                clusters.push(Cluster { label: f.label, members: Vec::new(), key: Vec::new(), gazetteer: f.gazetteer, value: f.value.clone(), last_start: 0 });
                clusters.len() - 1
            }
        };
        let cl = &mut clusters[c];
        cl.members.push(i);
        cl.last_start = f.span.start;
        if f.key.len() > cl.key.len() {
            cl.key = f.key.clone();
        }
        cl.gazetteer = cl.gazetteer.or(f.gazetteer);
        cluster_of[i] = Some(c);
    }
    for &i in order.iter().filter(|&&i| found[i].link.is_some()) {
        // links point at mentions without links, so one step resolves them
        let target = found[i].link.and_then(|l| cluster_of.get(l).copied().flatten());
        if let Some(c) = target {
            clusters[c].members.push(i);
            cluster_of[i] = Some(c);
        }
    }
    let mut entities: Vec<Entity> = clusters
        .into_iter()
        .filter_map(|cl| build_entity(text, found, cl))
        .collect();
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
    for (n, e) in entities.iter_mut().enumerate() {
        e.id = format!("E{}", n + 1);
    }
    entities
}

fn build_entity(text: &str, found: &[Found], cl: Cluster) -> Option<Entity> {
    let mut mentions: Vec<Mention> = cl.members.iter().map(|&i| Mention { span: found[i].span, kind: found[i].kind }).collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by_key(|m| m.span);
    let names: Vec<&Found> = cl.members.iter().map(|&i| &found[i]).filter(|f| f.kind != MentionKind::Title).collect();
    let best = names.iter().max_by_key(|f| (f.key.len(), f.span.len(), std::cmp::Reverse(f.span.start)))?;
    let canonical = best.span.get(text)?.to_owned();
    // the majority label among the names (ties: the first mention's)
    let mut label = cl.label;
    let mut best_count = 0;
    for f in &names {
        let count = names.iter().filter(|g| g.label == f.label).count();
        if count > best_count {
            best_count = count;
            label = f.label;
        }
    }
    let mut roles: Vec<Span> = cl.members.iter().filter_map(|&i| found[i].role).collect();
    roles.sort();
    roles.dedup();
    Some(Entity { id: String::new(), label, canonical, mentions, roles, value: cl.value })
}
