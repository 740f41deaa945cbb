//! A list of a handful of values kept on the stack, of a fixed capacity: the letters of one
//! would-be syllable, so that decoding a word (Telex, VNI, VIQR, VNI-Windows) allocates
//! nothing.

use core::ops::{Deref, DerefMut};

/// At most `N` values, in order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StackVec<T, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy + Default, const N: usize> StackVec<T, N> {
    /// None yet.
    #[inline(always)]
    pub(crate) fn new() -> Self {
        StackVec {
            items: [T::default(); N],
            len: 0,
        }
    }

    /// Appends `item`; `None` when there is no room left.
    #[inline]
    pub(crate) fn push(&mut self, item: T) -> Option<()> {
        *self.items.get_mut(self.len)? = item;
        self.len += 1;
        Some(())
    }
}

impl<T, const N: usize> Deref for StackVec<T, N> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items[..self.len]
    }
}

impl<T, const N: usize> DerefMut for StackVec<T, N> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.items[..self.len]
    }
}

impl<T, const N: usize> IntoIterator for StackVec<T, N> {
    type Item = T;
    type IntoIter = core::iter::Take<core::array::IntoIter<T, N>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_at_most_its_capacity() {
        let mut list: StackVec<char, 2> = StackVec::new();
        assert_eq!(list.push('a'), Some(()));
        assert_eq!(list.push('b'), Some(()));
        assert_eq!(list.push('c'), None);
        assert_eq!(&*list, ['a', 'b']);
        list[1] = 'z';
        assert_eq!(list.into_iter().collect::<String>(), "az");
    }
}
