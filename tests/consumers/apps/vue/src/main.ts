import { createApp } from 'vue';
import 'listen-player/define.js';
import 'listen-player/vue';
import App from './App.vue';

createApp(App).mount('#app');
