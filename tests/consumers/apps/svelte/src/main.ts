import { mount } from 'svelte';
import 'listen-player/define.js';
import 'listen-player/svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
