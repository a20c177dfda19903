import { describe, expect, it } from 'vitest';
import { announcement, counterText, END_TEXT, isTypingTarget, keyAction, stepPosition } from '../../../../src/features/presentation/navigation.ts';

describe('presentation keys', () => {
  it('moves on with the arrows, space, Enter and Page Down', () => {
    for (const key of ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']) expect(keyAction({ key })).toBe('next');
  });
  it('goes back with the arrows, Page Up and Backspace', () => {
    for (const key of ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']) expect(keyAction({ key })).toBe('previous');
  });
  it('jumps with Home and End, and stops with Escape', () => {
    expect(keyAction({ key: 'Home' })).toBe('first');
    expect(keyAction({ key: 'End' })).toBe('last');
    expect(keyAction({ key: 'Escape' })).toBe('stop');
  });
  it('leaves other keys and the browser’s own shortcuts alone', () => {
    expect(keyAction({ key: 'a' })).toBeNull();
    expect(keyAction({ key: 'Tab' })).toBeNull();
    expect(keyAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(keyAction({ key: 'r', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', metaKey: true })).toBeNull();
  });
  it('does not take keys typed into a field', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BODY', isContentEditable: false })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('stepping through three slides', () => {
  it('goes forward one at a time, then to the end screen, and stays there', () => {
    expect(stepPosition(0, 3, 'next')).toBe(1);
    expect(stepPosition(1, 3, 'next')).toBe(2);
    expect(stepPosition(2, 3, 'next')).toBe(3);
    expect(stepPosition(3, 3, 'next')).toBe(3);
  });
  it('goes back from the end screen to the last slide, and not before the first', () => {
    expect(stepPosition(3, 3, 'previous')).toBe(2);
    expect(stepPosition(1, 3, 'previous')).toBe(0);
    expect(stepPosition(0, 3, 'previous')).toBe(0);
  });
  it('Home is the first slide and End the last slide (not the end screen)', () => {
    expect(stepPosition(2, 3, 'first')).toBe(0);
    expect(stepPosition(3, 3, 'first')).toBe(0);
    expect(stepPosition(0, 3, 'last')).toBe(2);
    expect(stepPosition(3, 3, 'last')).toBe(2);
  });
  it('stops on Escape, or when there are no slides left', () => {
    expect(stepPosition(1, 3, 'stop')).toBe('stop');
    expect(stepPosition(0, 0, 'next')).toBe('stop');
  });
  it('copes with a position past the end (slides removed meanwhile)', () => {
    expect(stepPosition(9, 3, 'previous')).toBe(2);
    expect(stepPosition(-2, 3, 'next')).toBe(1);
  });
  it('counts and announces slides in words', () => {
    expect(counterText(2, 5)).toBe('3 / 5');
    expect(counterText(5, 5)).toBe('');
    expect(announcement(1, 3, 'Hotspots')).toBe('Slide 2 of 3: Hotspots');
    expect(announcement(3, 3, 'Hotspots')).toBe(END_TEXT);
  });
});
