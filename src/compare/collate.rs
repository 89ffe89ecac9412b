//! n-way collation, in the spirit of CollateX's alignment table: one row
//! per sentence of a base version, with what every other version says in
//! its place, diffed against it. Sentences other versions add stand in a
//! row of their own, after the base sentence they follow.

use super::{Budget, CompareOptions, Comparison, LinkKind, Op, compare};
use crate::corpus::Article;

/// What one version says in the place of one base sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Index of the version in [`Collation::versions`].
    pub version: usize,
    pub kind: LinkKind,
    /// The version's sentences in this place (none when it has nothing).
    pub sentences: Vec<usize>,
    /// Word operations from the base's text to the version's.
    pub ops: Vec<Op>,
    /// The base sentences the link covers, when more than this row's
    /// (a merge): the cell is shown once, at the first of them.
    pub base_sentences: Vec<usize>,
    pub similarity: f32,
    /// How sure a move found on shared rare words is (see
    /// [`crate::compare::Link::confidence`]).
    pub confidence: Option<f32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The base sentence, or none for a row of sentences a version adds.
    pub base: Option<usize>,
    /// One cell per version that says something here.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cells where a version says something (all but `deleted`).
    pub fn choosable(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| c.kind != LinkKind::Deleted)
    }
}

#[derive(Debug, Clone)]
pub struct Collation {
    pub base: usize,
    /// The other versions, as indices into the articles given.
    pub versions: Vec<usize>,
    pub rows: Vec<Row>,
    /// The pairwise comparisons, base against each version, for a diff at
    /// any row.
    pub comparisons: Vec<Comparison>,
}

/// Collates `articles` against `articles[base]`.
pub fn collate(
    articles: &[&Article],
    base: usize,
    options: CompareOptions,
    budget: &Budget,
) -> Collation {
    let versions: Vec<usize> = (0..articles.len()).filter(|&i| i != base).collect();
    let comparisons: Vec<Comparison> = versions
        .iter()
        .map(|&v| compare(articles[base], articles[v], options, budget))
        .collect();
    let base_len = articles[base].sentences.len();
    let mut rows: Vec<Row> = (0..base_len)
        .map(|i| Row {
            base: Some(i),
            cells: Vec::new(),
        })
        .collect();
    // Sentences a version adds, keyed by the base sentence they follow
    // (`None`: before the first).
    let mut added: Vec<(Option<usize>, Cell)> = Vec::new();
    for (version, comparison) in comparisons.iter().enumerate() {
        let mut last_base: Option<usize> = None;
        for (link, ops) in comparison.alignment.links.iter().zip(&comparison.ops) {
            let cell = Cell {
                version,
                kind: link.kind,
                sentences: link.right.clone(),
                ops: ops.clone(),
                base_sentences: link.left.clone(),
                similarity: link.similarity,
                confidence: link.confidence,
            };
            match link.left.first() {
                Some(&first) => {
                    rows[first].cells.push(cell);
                    last_base = link.left.last().copied().max(last_base);
                }
                None => added.push((last_base, cell)),
            }
        }
    }
    // Splice the added sentences in after their base sentence: one row per
    // place, with every version's additions there.
    let mut collated = Vec::with_capacity(rows.len() + added.len());
    let place_added = |after: Option<usize>, out: &mut Vec<Row>| {
        let cells: Vec<Cell> = added
            .iter()
            .filter(|(at, _)| *at == after)
            .map(|(_, cell)| cell.clone())
            .collect();
        if !cells.is_empty() {
            out.push(Row { base: None, cells });
        }
    };
    place_added(None, &mut collated);
    for (i, row) in rows.into_iter().enumerate() {
        collated.push(row);
        place_added(Some(i), &mut collated);
    }
    for row in &mut collated {
        row.cells.sort_by_key(|c| c.version);
    }
    Collation {
        base,
        versions,
        rows: collated,
        comparisons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::seeds;

    #[test]
    fn every_sentence_of_every_version_appears_once() {
        let articles = seeds();
        let refs: Vec<&Article> = articles.iter().collect();
        let collation = collate(&refs, 2, CompareOptions::default(), &Budget::unlimited());
        assert_eq!(collation.versions, [0, 1, 3, 4]);
        let base_rows: Vec<usize> = collation.rows.iter().filter_map(|r| r.base).collect();
        assert_eq!(
            base_rows,
            (0..articles[2].sentences.len()).collect::<Vec<_>>()
        );
        for (v, &article) in collation.versions.iter().enumerate() {
            let mut seen: Vec<usize> = collation
                .rows
                .iter()
                .flat_map(|r| r.cells.iter().filter(|c| c.version == v))
                .flat_map(|c| c.sentences.clone())
                .collect();
            seen.sort_unstable();
            assert_eq!(
                seen,
                (0..articles[article].sentences.len()).collect::<Vec<_>>()
            );
        }
    }
}
