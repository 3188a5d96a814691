import { browser } from 'wxt/browser';
import { render } from 'preact';
import { connectBackground } from './background-link';
import { App } from './App';
import { createAppModel } from './models/app-model';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('extName');

const model = createAppModel(connectBackground());
const root = document.getElementById('app');
if (root) render(<App model={model} />, root);
