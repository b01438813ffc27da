// The demo page's entry: registers the player. (The page's styles come with it.)
import './define.js';
import './demo.css';
