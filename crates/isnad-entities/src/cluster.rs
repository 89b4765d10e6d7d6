//! One entity per real-world referent: mentions grouped, ids by first mention, canonical
//! names.

use isnad_core::{Entity, EntityLabel, Mention, MentionKind, Span};

use crate::mentions::Found;

use std::hash::BuildHasherDefault;

/// A multiply-rotate hash for the short word keys of one document's mentions: SipHash's
/// resistance to chosen keys is not needed here, and it showed in profiles. Only lookups
/// use the map, never its order, so the hash cannot change the output.
#[derive(Default)]
struct WordsHasher(u64);

impl std::hash::Hasher for WordsHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

struct Cluster<'f> {
    label: EntityLabel,
    members: Vec<usize>,
    /// The longest name key so far (borrowed from its mention: a copy per new longest name
    /// showed in profiles).
    key: &'f [String],
    gazetteer: Option<usize>,
    value: Option<String>,
    last_start: usize,
}

/// Whether `short` occurs as consecutive words of `long`.
fn contains_run(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn joins(cluster: &Cluster<'_>, f: &Found, label: EntityLabel) -> bool {
    if let Some(v) = &f.value {
        return cluster.label == label && cluster.value.as_ref() == Some(v);
    }
    if cluster.value.is_some() || (cluster.label == EntityLabel::Per) != (label == EntityLabel::Per) {
        return false;
    }
    if label == EntityLabel::Per {
        // a surname or first name alone joins the full name, and the other way round
        return contains_run(cluster.key, &f.key) || contains_run(&f.key, cluster.key);
    }
    match (cluster.gazetteer, f.gazetteer) {
        (Some(a), Some(b)) => a == b,
        // `التحالف الدولي` after `التحالف الدولي ضد داعش`
        _ => cluster.key == f.key.as_slice() || (f.key.len() >= 2 && cluster.key.starts_with(&f.key)),
    }
}

/// One label for all name mentions written the same way in a document: the tagger may call
/// `داعش` an organization in one sentence and a person in the next, but it is one referent.
/// A gazetteer entry's label wins, then the majority (ties: the first mention's).
fn consistent_labels(found: &[Found]) -> Vec<EntityLabel> {
    let mut labels: Vec<EntityLabel> = found.iter().map(|f| f.label).collect();
    // the mentions written the same way, grouped once: comparing the keys of every pair of
    // mentions grows with the square of an article's length
    let mut by_key: std::collections::HashMap<&[String], Vec<usize>, BuildHasherDefault<WordsHasher>> =
        Default::default();
    for (j, f) in found.iter().enumerate() {
        if f.value.is_none() && f.link.is_none() {
            by_key.entry(f.key.as_slice()).or_default().push(j);
        }
    }
    for (i, f) in found.iter().enumerate() {
        if f.value.is_some() || f.link.is_some() || f.key.is_empty() {
            continue;
        }
        let same = &by_key[f.key.as_slice()];
        if same.iter().all(|&j| found[j].label == f.label) {
            continue;
        }
        let label = same.iter().find_map(|&j| found[j].gazetteer.map(|_| found[j].label)).unwrap_or_else(|| {
            let count = |l: EntityLabel| same.iter().filter(|&&j| found[j].label == l).count();
            same.iter().map(|&j| found[j].label).max_by_key(|&l| (count(l), std::cmp::Reverse(same.iter().position(|&j| found[j].label == l)))).unwrap_or(f.label)
        });
        labels[i] = label;
    }
    labels
}

/// Groups the mentions into entities.
pub fn cluster(text: &str, found: &[Found]) -> Vec<Entity> {
    let labels = consistent_labels(found);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].span.start, std::cmp::Reverse(found[i].span.end)));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut cluster_of: Vec<Option<usize>> = vec![None; found.len()];
    // names and values first, then what links to them
    for &i in order.iter().filter(|&&i| found[i].link.is_none()) {
        let f = &found[i];
        let candidate = (0..clusters.len())
            .filter(|&c| joins(&clusters[c], f, labels[i]))
            .max_by_key(|&c| clusters[c].last_start);
        let c = match candidate {
            Some(c) => c,
            None => {
                clusters.push(Cluster {
                    label: labels[i],
                    members: Vec::new(),
                    key: &[],
                    gazetteer: f.gazetteer,
                    value: f.value.clone(),
                    last_start: 0,
                });
                clusters.len() - 1
            }
        };
        let cl = &mut clusters[c];
        cl.members.push(i);
        cl.last_start = f.span.start;
        if f.key.len() > cl.key.len() {
            cl.key = &f.key;
        }
        cl.gazetteer = cl.gazetteer.or(f.gazetteer);
        cluster_of[i] = Some(c);
    }
    for &i in order.iter().filter(|&&i| found[i].link.is_some()) {
        // links point at mentions without links, so one step resolves them
        let target = found[i]
            .link
            .and_then(|l| cluster_of.get(l).copied().flatten());
        if let Some(c) = target {
            clusters[c].members.push(i);
            cluster_of[i] = Some(c);
        }
    }
    let mut entities: Vec<Entity> = clusters
        .into_iter()
        .filter_map(|cl| build_entity(text, found, &labels, cl))
        .collect();
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.span.start));
    for (n, e) in entities.iter_mut().enumerate() {
        e.id = entity_id(n + 1);
    }
    entities
}

/// `E` and the number in decimal, as `format!("E{n}")` writes it, without the formatting
/// machinery (which showed in profiles: every entity of every document gets an id).
fn entity_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push('E');
    id.extend(digits[at..].iter().map(|&d| d as char));
    id
}

fn build_entity(text: &str, found: &[Found], labels: &[EntityLabel], cl: Cluster<'_>) -> Option<Entity> {
    let mut mentions: Vec<Mention> = cl
        .members
        .iter()
        .map(|&i| Mention {
            span: found[i].span,
            kind: found[i].kind,
        })
        .collect();
    // Longest first at each start, so a mention inside another of the same entity
    // (`الناتو` in `حلف الناتو`, `شمال الأطلسي` in `حلف شمال الأطلسي`) is seen after it and
    // dropped: it names nothing the longer one does not.
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut covered_to = 0;
    for m in mentions {
        // Every mention kept so far starts at or before this one.
        if kept.is_empty() || m.span.end > covered_to {
            covered_to = covered_to.max(m.span.end);
            kept.push(m);
        }
    }
    let mentions = kept;
    let names: Vec<(&Found, EntityLabel)> = cl
        .members
        .iter()
        .map(|&i| (&found[i], labels[i]))
        .filter(|(f, _)| f.kind != MentionKind::Title)
        .collect();
    let best = names
        .iter()
        .map(|(f, _)| f)
        .max_by_key(|f| (f.key.len(), f.span.len(), std::cmp::Reverse(f.span.start)))?;
    let canonical = best.span.get(text)?.to_owned();
    // the majority label among the names (ties: the first mention's)
    let mut label = cl.label;
    let mut best_count = 0;
    for (_, l) in &names {
        let count = names.iter().filter(|(_, g)| g == l).count();
        if count > best_count {
            best_count = count;
            label = *l;
        }
    }
    let mut roles: Vec<Span> = cl.members.iter().filter_map(|&i| found[i].role).collect();
    roles.sort();
    roles.dedup();
    Some(Entity {
        id: String::new(),
        label,
        canonical,
        mentions,
        roles,
        value: cl.value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    /// Finds each phrase in `text` (the n-th occurrence via `skip`) and makes a mention.
    fn at(text: &str, phrase: &str, skip: usize, label: EntityLabel, k: &str) -> Found {
        let start = text
            .match_indices(phrase)
            .nth(skip)
            .expect("phrase in text")
            .0;
        Found::name(Span::new(start, start + phrase.len()), 0..0, label, key(k))
    }

    #[test]
    fn surname_titles_and_aliases_join_their_entity() {
        let text =
            "قال مارك روتي ثم روتي و الأمين العام و حلف شمال الأطلسي ثم حلف الناتو ثم الحلف و بغداد";
        let mut found = vec![
            at(text, "روتي", 1, EntityLabel::Per, "روتي"),
            at(text, "مارك روتي", 0, EntityLabel::Per, "مارك روتي"),
            at(
                text,
                "حلف شمال الأطلسي",
                0,
                EntityLabel::Org,
                "حلف شمال اطلسي",
            ),
            at(text, "حلف الناتو", 0, EntityLabel::Org, "حلف ناتو"),
            at(text, "بغداد", 0, EntityLabel::Loc, "بغداد"),
        ];
        found[2].gazetteer = Some(7);
        found[3].gazetteer = Some(7);
        found[3].kind = MentionKind::Alias;
        let mut title = at(text, "الأمين العام", 0, EntityLabel::Per, "");
        title.kind = MentionKind::Title;
        title.link = Some(1);
        found.push(title);
        let mut head = at(text, "الحلف", 0, EntityLabel::Org, "حلف");
        head.kind = MentionKind::Alias;
        head.link = Some(2);
        found.push(head);

        let entities = cluster(text, &found);
        assert_eq!(entities.len(), 3);
        let rutte = &entities[0];
        assert_eq!(
            (rutte.id.as_str(), rutte.label, rutte.canonical.as_str()),
            ("E1", EntityLabel::Per, "مارك روتي")
        );
        assert_eq!(rutte.mentions.len(), 3);
        let nato = &entities[1];
        assert_eq!(
            (nato.id.as_str(), nato.canonical.as_str()),
            ("E2", "حلف شمال الأطلسي")
        );
        let kinds: Vec<MentionKind> = nato.mentions.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![MentionKind::Name, MentionKind::Alias, MentionKind::Alias]
        );
        assert_eq!(entities[2].canonical, "بغداد");
    }

    #[test]
    fn entity_ids_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(entity_id(n), format!("E{n}"));
        }
    }

    #[test]
    fn different_people_with_different_names_stay_apart() {
        let text = "مارك روتي و لويد اوستن و اوستن";
        let found = vec![
            at(text, "مارك روتي", 0, EntityLabel::Per, "مارك روتي"),
            at(text, "لويد اوستن", 0, EntityLabel::Per, "لويد اوستن"),
            at(text, "اوستن", 1, EntityLabel::Per, "اوستن"),
        ];
        let entities = cluster(text, &found);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[1].mentions.len(), 2);
    }

    #[test]
    fn values_cluster_by_value() {
        let text = "2024 و 2024 و 2025";
        let mut found: Vec<Found> = ["2024", "2024", "2025"]
            .iter()
            .enumerate()
            .map(|(n, v)| at(text, v, if n == 1 { 1 } else { 0 }, EntityLabel::Date, v))
            .collect();
        for f in &mut found {
            f.kind = MentionKind::Value;
            f.value = Some(f.key[0].clone());
        }
        let entities = cluster(text, &found);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].value.as_deref(), Some("2024"));
    }

    #[test]
    fn one_name_written_alike_is_one_entity_under_one_label() {
        let text = "هاجم داعش القرية ثم انسحب داعش وبقي داعش";
        let found = vec![
            at(text, "داعش", 0, EntityLabel::Org, "داعش"),
            at(text, "داعش", 1, EntityLabel::Per, "داعش"),
            at(text, "داعش", 2, EntityLabel::Org, "داعش"),
        ];
        let entities = cluster(text, &found);
        assert_eq!(entities.len(), 1, "{entities:?}");
        assert_eq!(entities[0].label, EntityLabel::Org);
        assert_eq!(entities[0].mentions.len(), 3);
    }
}
