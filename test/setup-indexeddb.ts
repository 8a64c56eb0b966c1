/**
 * Unit tests run outside a browser: give them IndexedDB (where the background keeps remembered
 * tokens), emptied before each test as the fake browser's storage is.
 */
import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { beforeEach } from 'vitest';

beforeEach(() => clear(createStore('profile-quick-edit', 'remembered-tokens')));
