//! Typed indices: a `SkillId` cannot index the reports, nor a `ReportId`
//! the headings of a report. Each id is a `u32` newtype made by
//! [`typed_index!`], and [`IdVec`] is a vector indexed by one of them.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Index, IndexMut};

/// An index type: a position in an [`IdVec`].
pub trait TypedIndex: Copy + Ord {
    fn from_index(index: usize) -> Self;
    fn index(self) -> usize;
}

/// Declares a typed index: `typed_index!(pub SkillId, "A skill of the referential.");`
macro_rules! typed_index {
    ($vis:vis $name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis struct $name(u32);

        impl $crate::text::index::TypedIndex for $name {
            fn from_index(index: usize) -> Self {
                $name(u32::try_from(index).expect("fewer than 2^32 items"))
            }

            fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl $name {
            /// The position this id stands for.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The id of the item at `index`.
            #[allow(dead_code, reason = "not every id is made from a number")]
            pub fn new(index: usize) -> Self {
                <$name as $crate::text::index::TypedIndex>::from_index(index)
            }
        }
    };
}
pub(crate) use typed_index;

/// A vector indexed by a typed index.
#[derive(Clone, PartialEq, Eq)]
pub struct IdVec<I, T> {
    items: Vec<T>,
    marker: PhantomData<fn(I)>,
}

impl<I: TypedIndex, T> IdVec<I, T> {
    pub fn new() -> Self {
        IdVec::from(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds an item and returns its id.
    pub fn push(&mut self, item: T) -> I {
        self.items.push(item);
        I::from_index(self.items.len() - 1)
    }

    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(id.index())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }

    /// Every id, in order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = I> + ExactSizeIterator + use<I, T> {
        (0..self.items.len()).map(I::from_index)
    }

    /// Items with their ids.
    pub fn iter_enumerated(&self) -> impl DoubleEndedIterator<Item = (I, &T)> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| (I::from_index(i), item))
    }

    /// The id of the first item matching `f`.
    pub fn position(&self, f: impl FnMut(&T) -> bool) -> Option<I> {
        self.items.iter().position(f).map(I::from_index)
    }

    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    pub fn into_vec(self) -> Vec<T> {
        self.items
    }

    pub fn shrink_to_fit(&mut self) {
        self.items.shrink_to_fit();
    }
}

impl<I: TypedIndex, T> Default for IdVec<I, T> {
    fn default() -> Self {
        IdVec::new()
    }
}

impl<I, T> From<Vec<T>> for IdVec<I, T> {
    fn from(items: Vec<T>) -> Self {
        IdVec {
            items,
            marker: PhantomData,
        }
    }
}

impl<I: TypedIndex, T> FromIterator<T> for IdVec<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        IdVec::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<I: TypedIndex, T> Extend<T> for IdVec<I, T> {
    fn extend<It: IntoIterator<Item = T>>(&mut self, iter: It) {
        self.items.extend(iter);
    }
}

impl<I: TypedIndex, T> IntoIterator for IdVec<I, T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, I: TypedIndex, T> IntoIterator for &'a IdVec<I, T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<I: TypedIndex, T> Index<I> for IdVec<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: TypedIndex, T> IndexMut<I> for IdVec<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}

impl<I, T: fmt::Debug> fmt::Debug for IdVec<I, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    typed_index!(Thing, "A thing, for the test.");

    #[test]
    fn ids_index_their_vector() {
        let mut things: IdVec<Thing, &str> = IdVec::new();
        let a = things.push("a");
        let b = things.push("b");
        assert_eq!((things[a], things[b]), ("a", "b"));
        assert_eq!(things.ids().collect::<Vec<_>>(), [a, b]);
        assert_eq!(things.position(|t| *t == "b"), Some(b));
        assert_eq!(b.index(), 1);
    }
}
