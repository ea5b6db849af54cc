//! The solver's state: for every option, the set of value classes still possible, as bits in
//! one flat vector so that copying the state for a search branch is one allocation.

/// Where each option's bits lie in the flat vector, and how many classes it has.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    offsets: Vec<usize>,
    sizes: Vec<usize>,
    total_words: usize,
}

impl Layout {
    pub(super) fn new(sizes: Vec<usize>) -> Self {
        let mut offsets = Vec::with_capacity(sizes.len());
        let mut total_words = 0;
        for size in &sizes {
            offsets.push(total_words);
            total_words += words_for(*size);
        }
        Self {
            offsets,
            sizes,
            total_words,
        }
    }

    /// Number of classes of an option.
    pub(super) fn size(&self, option: usize) -> usize {
        self.sizes[option]
    }

    fn range(&self, option: usize) -> std::ops::Range<usize> {
        self.offsets[option]..self.offsets[option] + words_for(self.sizes[option])
    }

    /// Every class of every option possible.
    pub(super) fn full(&self) -> Domains {
        let mut words = vec![0; self.total_words];
        for option in 0..self.sizes.len() {
            fill(&mut words[self.range(option)], self.sizes[option]);
        }
        Domains { words }
    }

    /// A set over one option's classes holding the classes where `member` is true.
    pub(super) fn set_of(&self, option: usize, member: impl Fn(usize) -> bool) -> ClassSet {
        let size = self.sizes[option];
        let mut words = vec![0; words_for(size)];
        for class in (0..size).filter(|class| member(*class)) {
            words[class / 64] |= 1 << (class % 64);
        }
        ClassSet { words }
    }
}

fn words_for(size: usize) -> usize {
    size.div_ceil(64).max(1)
}

fn fill(words: &mut [u64], size: usize) {
    for (index, word) in words.iter_mut().enumerate() {
        let low = index * 64;
        *word = if size >= low + 64 {
            u64::MAX
        } else if size > low {
            (1 << (size - low)) - 1
        } else {
            0
        };
    }
}

/// A set of classes of one option.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ClassSet {
    words: Vec<u64>,
}

impl ClassSet {
    pub(super) fn contains(&self, class: usize) -> bool {
        self.words
            .get(class / 64)
            .is_some_and(|word| word & (1 << (class % 64)) != 0)
    }

    pub(super) fn insert(&mut self, class: usize) {
        if let Some(word) = self.words.get_mut(class / 64) {
            *word |= 1 << (class % 64);
        }
    }

    pub(super) fn words(&self) -> &[u64] {
        &self.words
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        iter_words(&self.words)
    }
}

/// The classes still possible for every option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Domains {
    words: Vec<u64>,
}

impl Domains {
    pub(super) fn of<'d>(&'d self, layout: &Layout, option: usize) -> &'d [u64] {
        &self.words[layout.range(option)]
    }

    pub(super) fn contains(&self, layout: &Layout, option: usize, class: usize) -> bool {
        self.of(layout, option)
            .get(class / 64)
            .is_some_and(|word| word & (1 << (class % 64)) != 0)
    }

    pub(super) fn count(&self, layout: &Layout, option: usize) -> u32 {
        self.of(layout, option).iter().map(|w| w.count_ones()).sum()
    }

    pub(super) fn is_empty(&self, layout: &Layout, option: usize) -> bool {
        self.of(layout, option).iter().all(|word| *word == 0)
    }

    /// The smallest class still possible.
    pub(super) fn first(&self, layout: &Layout, option: usize) -> Option<usize> {
        iter_words(self.of(layout, option)).next()
    }

    pub(super) fn iter<'d>(
        &'d self,
        layout: &Layout,
        option: usize,
    ) -> impl Iterator<Item = usize> + 'd {
        iter_words(&self.words[layout.range(option)])
    }

    /// Keeps only `class`.
    pub(super) fn fix(&mut self, layout: &Layout, option: usize, class: usize) {
        for (index, word) in self.words[layout.range(option)].iter_mut().enumerate() {
            *word &= if index == class / 64 {
                1 << (class % 64)
            } else {
                0
            };
        }
    }

    pub(super) fn remove(&mut self, layout: &Layout, option: usize, class: usize) {
        if let Some(word) = self.words[layout.range(option)].get_mut(class / 64) {
            *word &= !(1 << (class % 64));
        }
    }

    /// Keeps only the classes in `keep`; true when something was removed.
    pub(super) fn restrict(&mut self, layout: &Layout, option: usize, keep: &[u64]) -> bool {
        let mut changed = false;
        for (word, keep) in self.words[layout.range(option)].iter_mut().zip(keep) {
            let kept = *word & keep;
            changed |= kept != *word;
            *word = kept;
        }
        changed
    }

    /// Whether some possible class lies in `set`.
    pub(super) fn meets(&self, layout: &Layout, option: usize, set: &[u64]) -> bool {
        self.of(layout, option)
            .iter()
            .zip(set)
            .any(|(word, set)| word & set != 0)
    }

    /// Whether every possible class lies in `set`.
    pub(super) fn within(&self, layout: &Layout, option: usize, set: &[u64]) -> bool {
        self.of(layout, option)
            .iter()
            .zip(set)
            .all(|(word, set)| word & !set == 0)
    }
}

fn iter_words(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(index, word)| {
        let mut rest = *word;
        std::iter::from_fn(move || {
            if rest == 0 {
                return None;
            }
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            Some(index * 64 + bit)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_span_several_words_and_keep_their_size() {
        let layout = Layout::new(vec![3, 130]);
        let mut domains = layout.full();
        assert_eq!(domains.count(&layout, 0), 3);
        assert_eq!(domains.count(&layout, 1), 130);
        let odd = layout.set_of(1, |class| class % 2 == 1);
        assert!(domains.restrict(&layout, 1, odd.words()));
        assert_eq!(domains.count(&layout, 1), 65);
        assert!(!domains.contains(&layout, 1, 128));
        assert!(domains.contains(&layout, 1, 129));
        domains.fix(&layout, 1, 129);
        assert_eq!(domains.iter(&layout, 1).collect::<Vec<_>>(), vec![129]);
        assert!(domains.within(&layout, 1, odd.words()));
        domains.remove(&layout, 1, 129);
        assert!(domains.is_empty(&layout, 1));
        assert_eq!(domains.first(&layout, 0), Some(0));
    }
}
