var e,t,n,r,i,a,o,s,c,l,u,d,f,p,m={},h=[],g=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,_=Array.isArray;function v(e,t){for(var n in t)e[n]=t[n];return e}function y(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function b(t,n,r){var i,a,o,s={};for(o in n)o==`key`?i=n[o]:o==`ref`?a=n[o]:s[o]=n[o];if(arguments.length>2&&(s.children=arguments.length>3?e.call(arguments,2):r),typeof t==`function`&&t.defaultProps!=null)for(o in t.defaultProps)s[o]===void 0&&(s[o]=t.defaultProps[o]);return x(t,s,i,a,null)}function x(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++n,__i:-1,__u:0};return o==null&&t.vnode!=null&&t.vnode(s),s}function S(e){return e.children}function C(e,t){this.props=e,this.context=t}function w(e,t){if(t==null)return e.__?w(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type==`function`?w(e):null}function T(e){if(e.__P&&e.__d){var n=e.__v,r=n.__e,i=[],a=[],o=v({},n);o.__v=n.__v+1,t.vnode&&t.vnode(o),ae(e.__P,o,n,e.__n,e.__P.namespaceURI,32&n.__u?[r]:null,i,r??w(n),!!(32&n.__u),a),o.__v=n.__v,o.__.__k[o.__i]=o,se(i,o,a),n.__e=n.__=null,o.__e!=r&&E(o)}}function E(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),E(e)}function D(e){(!e.__d&&(e.__d=!0)&&r.push(e)&&!O.__r++||i!=t.debounceRendering)&&((i=t.debounceRendering)||a)(O)}function O(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,T(e)}finally{r.length=O.__r=0}}function ee(e,t,n,r,i,a,o,s,c,l,u){var d,f,p,g,_,v,y=r&&r.__k||h,b=t.length;for(c=k(n,t,y,c,b),d=0;d<b;d++)(p=n.__k[d])!=null&&(f=p.__i!=-1&&y[p.__i]||m,p.__i=d,v=ae(e,p,f,i,a,o,s,c,l,u),g=p.__e,p.ref&&f.ref!=p.ref&&(f.ref&&ue(f.ref,null,p),u.push(p.ref,p.__c||g,p)),_==null&&g!=null&&(_=g),4&p.__u?(c=te(p,c,e),f.__e&&(f.__e=null)):typeof p.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),p.__u&=-7);return n.__e=_,c}function k(e,t,n,r,i){var a,o,s,c,l,u=n.length,d=u,f=0;for(e.__k=Array(i),a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o==`string`||typeof o==`number`||typeof o==`bigint`||o.constructor==String?o=e.__k[a]=x(null,o,null,null,null):_(o)?o=e.__k[a]=x(S,{children:o},null,null,null):o.constructor===void 0&&o.__b>0?o=e.__k[a]=x(o.type,o.props,o.key,o.ref?o.ref:null,o.__v):e.__k[a]=o,c=a+f,o.__=e,o.__b=e.__b+1,s=null,(l=o.__i=ne(o,n,c,d))!=-1&&(d--,(s=n[l])&&(s.__u|=2)),s==null||s.__v==null?(l==-1&&(i>u?f--:i<u&&f++),typeof o.type!=`function`&&(o.__u|=4)):l!=c&&(l==c-1?f--:l==c+1?f++:(l>c?f--:f++,o.__u|=4))):e.__k[a]=null;if(d)for(a=0;a<u;a++)(s=n[a])!=null&&!(2&s.__u)&&(s.__e==r&&(r=w(s)),de(s,s));return r}function te(e,t,n){var r,i;if(typeof e.type==`function`){for(r=e.__k,i=0;r&&i<r.length;i++)r[i]&&(r[i].__=e,t=te(r[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=w(e)),t=n.insertBefore(e.__e,t||null));do t&&=t.nextSibling;while(t!=null&&t.nodeType==8);return t}function ne(e,t,n,r){var i,a,o,s=e.key,c=e.type,l=t[n],u=l!=null&&!(2&l.__u);if(l===null&&s==null||u&&s==l.key&&c==l.type)return n;if(r>+!!u){for(i=n-1,a=n+1;i>=0||a<t.length;)if((l=t[o=i>=0?i--:a++])!=null&&!(2&l.__u)&&s==l.key&&c==l.type)return o}return-1}function re(e,t,n){t[0]==`-`?e.setProperty(t,n??``):e[t]=n==null?``:typeof n!=`number`||g.test(t)?n:n+`px`}function ie(e,t,n,r,i){var a,o;n:if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||re(e.style,t,``);if(n)for(t in n)r&&n[t]==r[t]||re(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)a=t!=(t=t.replace(u,`$1`)),o=t.toLowerCase(),t=o in e||t==`onFocusOut`||t==`onFocusIn`?o.slice(2):t.slice(2),e.l||={},e.l[t+a]=n,n?r?n[l]=r[l]:(n[l]=d,e.addEventListener(t,a?p:f,a)):e.removeEventListener(t,a?p:f,a);else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;break n}catch{}typeof n==`function`||(n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n))}}function A(e){return function(n){if(this.l){var r=this.l[n.type+e];if(n[c]==null)n[c]=d++;else if(n[c]<r[l])return;return r(t.event?t.event(n):n)}}}function ae(e,n,r,i,a,o,s,c,l,u){var d,f,p,m,g,b,x,T,E,D,O,k,te,ne,re,ie,A=n.type;if(n.constructor!==void 0)return null;128&r.__u&&(l=!!(32&r.__u),o=[c=n.__e=r.__e]),(d=t.__b)&&d(n);n:if(typeof A==`function`){f=s.length;try{if(E=n.props,D=A.prototype&&A.prototype.render,O=(d=A.contextType)&&i[d.__c],k=d?O?O.props.value:d.__:i,r.__c?T=(p=n.__c=r.__c).__=p.__E:(D?n.__c=p=new A(E,k):(n.__c=p=new C(E,k),p.constructor=A,p.render=fe),O&&O.sub(p),p.state||(p.state={}),p.__n=i,m=p.__d=!0,p.__h=[],p._sb=[]),D&&p.__s==null&&(p.__s=p.state),D&&A.getDerivedStateFromProps!=null&&(p.__s==p.state&&(p.__s=v({},p.__s)),v(p.__s,A.getDerivedStateFromProps(E,p.__s))),g=p.props,b=p.state,p.__v=n,m)D&&A.getDerivedStateFromProps==null&&p.componentWillMount!=null&&p.componentWillMount(),D&&p.componentDidMount!=null&&p.__h.push(p.componentDidMount);else{if(D&&A.getDerivedStateFromProps==null&&E!==g&&p.componentWillReceiveProps!=null&&p.componentWillReceiveProps(E,k),n.__v==r.__v||!p.__e&&p.shouldComponentUpdate!=null&&!1===p.shouldComponentUpdate(E,p.__s,k)){n.__v!=r.__v&&(p.props=E,p.state=p.__s,p.__d=!1),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),h.push.apply(p.__h,p._sb),p._sb=[],p.__h.length&&s.push(p),c=w(r);break n}p.componentWillUpdate!=null&&p.componentWillUpdate(E,p.__s,k),D&&p.componentDidUpdate!=null&&p.__h.push(function(){p.componentDidUpdate(g,b,x)})}if(p.context=k,p.props=E,p.__P=e,p.__e=!1,te=t.__r,ne=0,D)p.state=p.__s,p.__d=!1,te&&te(n),d=p.render(p.props,p.state,p.context),h.push.apply(p.__h,p._sb),p._sb=[];else do p.__d=!1,te&&te(n),d=p.render(p.props,p.state,p.context),p.state=p.__s;while(p.__d&&++ne<25);p.state=p.__s,p.getChildContext!=null&&(i=v(v({},i),p.getChildContext())),D&&!m&&p.getSnapshotBeforeUpdate!=null&&(x=p.getSnapshotBeforeUpdate(g,b)),re=d!=null&&d.type===S&&d.key==null?ce(d.props.children):d,c=ee(e,_(re)?re:[re],n,r,i,a,o,s,c,l,u),p.base=n.__e,n.__u&=-161,p.__h.length&&s.push(p),T&&(p.__E=p.__=null)}catch(e){if(s.length=f,n.__v=null,l||o!=null){if(e.then){for(n.__u|=l?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o!=null&&(o[o.indexOf(c)]=null),n.__e=c}else if(o!=null)for(ie=o.length;ie--;)y(o[ie])}else n.__e=r.__e;n.__k??=r.__k||[],e.then||oe(n),t.__e(e,n,r)}}else o==null&&n.__v==r.__v?(n.__k=r.__k,n.__e=r.__e):c=n.__e=le(r.__e,n,r,i,a,o,s,l,u);return(d=t.diffed)&&d(n),128&n.__u?void 0:c}function oe(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(oe))}function se(e,n,r){for(var i=0;i<r.length;i++)ue(r[i],r[++i],r[++i]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function ce(e){return typeof e!=`object`||!e||e.__b>0?e:_(e)?e.map(ce):e.constructor===void 0?v({},e):null}function le(n,r,i,a,o,s,c,l,u){var d,f,p,h,g,v,b,x=i.props||m,S=r.props,C=r.type;if(C==`svg`?o=`http://www.w3.org/2000/svg`:C==`math`?o=`http://www.w3.org/1998/Math/MathML`:o||=`http://www.w3.org/1999/xhtml`,s!=null){for(d=0;d<s.length;d++)if((g=s[d])&&`setAttribute`in g==!!C&&(C?g.localName==C:g.nodeType==3)){n=g,s[d]=null;break}}if(n==null){if(C==null)return document.createTextNode(S);n=document.createElementNS(o,C,S.is&&S),l&&=(t.__m&&t.__m(r,s),!1),s=null}if(C==null)x===S||l&&n.data==S||(n.data=S);else{if(s=C==`textarea`&&S.defaultValue!=null?null:s&&e.call(n.childNodes),!l&&s!=null)for(x={},d=0;d<n.attributes.length;d++)x[(g=n.attributes[d]).name]=g.value;for(d in x)g=x[d],d==`dangerouslySetInnerHTML`?p=g:d==`children`||d in S||d==`value`&&`defaultValue`in S||d==`checked`&&`defaultChecked`in S||ie(n,d,null,g,o);for(d in S)g=S[d],d==`children`?h=g:d==`dangerouslySetInnerHTML`?f=g:d==`value`?v=g:d==`checked`?b=g:l&&typeof g!=`function`||x[d]===g||ie(n,d,g,x[d],o);if(f)l||p&&(f.__html==p.__html||f.__html==n.innerHTML)||(n.innerHTML=f.__html),r.__k=[];else if(p&&(n.innerHTML=``),ee(r.type==`template`?n.content:n,_(h)?h:[h],r,i,a,C==`foreignObject`?`http://www.w3.org/1999/xhtml`:o,s,c,s?s[0]:i.__k&&w(i,0),l,u),s!=null)for(d=s.length;d--;)y(s[d]);l&&C!=`textarea`||(d=`value`,C==`progress`&&v==null?n.removeAttribute(`value`):v!=null&&(v!==n[d]||C==`progress`&&!v||C==`option`&&v!=x[d])&&ie(n,d,v,x[d],o),d=`checked`,b!=null&&b!=n[d]&&ie(n,d,b,x[d],o))}return n}function ue(e,n,r){try{if(typeof e==`function`){var i=typeof e.__u==`function`;i&&e.__u(),i&&n==null||(e.__u=e(n))}else e.current=n}catch(e){t.__e(e,r)}}function de(e,n,r){var i,a;if(t.unmount&&t.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||ue(i,null,n)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.base=i.__P=i.__n=null}if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&de(i[a],n,r||typeof e.type!=`function`);r||y(e.__e),e.__c=e.__=e.__e=void 0}function fe(e,t,n){return this.constructor(e,n)}function pe(n,r,i){var a,o,s,c;r==document&&(r=document.documentElement),t.__&&t.__(n,r),o=(a=typeof i==`function`)?null:i&&i.__k||r.__k,s=[],c=[],ae(r,n=(!a&&i||r).__k=b(S,null,[n]),o||m,m,r.namespaceURI,!a&&i?[i]:o?null:r.firstChild?e.call(r.childNodes):null,s,!a&&i?i:o?o.__e:r.firstChild,a,c),se(s,n,c),n.props.children=null}e=h.slice,t={__e:function(e,t,n,r){for(var i,a,o;t=t.__;)if((i=t.__c)&&!i.__)try{if((a=i.constructor)&&a.getDerivedStateFromError!=null&&(i.setState(a.getDerivedStateFromError(e)),o=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,r||{}),o=i.__d),o)return i.__E=i}catch(t){e=t}throw e}},n=0,C.prototype.setState=function(e,t){var n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=v({},this.state);typeof e==`function`&&(e=e(v({},n),this.props)),e&&v(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),D(this))},C.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),D(this))},C.prototype.render=S,r=[],a=typeof Promise==`function`?Promise.prototype.then.bind(Promise.resolve()):setTimeout,o=function(e,t){return e.__v.__b-t.__v.__b},O.__r=0,s=Math.random().toString(8),c=`__d`+s,l=`__a`+s,u=/(PointerCapture)$|Capture$/i,d=0,f=A(!1),p=A(!0);var me,j,he,ge,_e=0,ve=[],M=t,ye=M.__b,be=M.__r,xe=M.diffed,Se=M.__c,Ce=M.unmount,we=M.__;function Te(e,t){M.__h&&M.__h(j,e,_e||t),_e=0;var n=j.__H||(j.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function N(e){return _e=1,Ee(Ie,e)}function Ee(e,t,n){var r=Te(me++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Ie(void 0,t),function(e){var t=r.__N?r.__N[0]:r.__[0],n=r.t(t,e);t!==n&&(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=j,!j.__f)){var i=function(e,t,n){if(!r.__c.__H)return!0;var i=!1,o=r.__c.props!==e;if(r.__c.__H.__.some(function(e){if(e.__N){i=!0;var t=e.__[0];e.__=e.__N,e.__N=void 0,t!==e.__[0]&&(o=!0)}}),a){var s=a.call(this,e,t,n);return i?s||o:s}return!i||o};j.__f=!0;var a=j.shouldComponentUpdate,o=j.componentWillUpdate;j.componentWillUpdate=function(e,t,n){if(this.__e){var r=a;a=void 0,i(e,t,n),a=r}o&&o.call(this,e,t,n)},j.shouldComponentUpdate=i}return r.__N||r.__}function P(e,t){var n=Te(me++,3);!M.__s&&Fe(n.__H,t)&&(n.__=e,n.u=t,j.__H.__h.push(n))}function De(e){return _e=5,Oe(function(){return{current:e}},[])}function Oe(e,t){var n=Te(me++,7);return Fe(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function ke(e,t){return _e=8,Oe(function(){return e},t)}function Ae(){for(var e;e=ve.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ne),t.__h.some(Pe),t.__h=[]}catch(n){t.__h=[],M.__e(n,e.__v)}}}M.__b=function(e){j=null,ye&&ye(e)},M.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),we&&we(e,t)},M.__r=function(e){be&&be(e),me=0;var t=(j=e.__c).__H;t&&(he===j?(t.__h=[],j.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})):(t.__h.some(Ne),t.__h.some(Pe),t.__h=[],me=0)),he=j},M.diffed=function(e){xe&&xe(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(ve.push(t)!==1&&ge===M.requestAnimationFrame||((ge=M.requestAnimationFrame)||Me)(Ae)),t.__H.__.some(function(e){e.u&&=(e.__H=e.u,void 0)})),he=j=null},M.__c=function(e,t){t.some(function(e){try{e.__h.some(Ne),e.__h=e.__h.filter(function(e){return!e.__||Pe(e)})}catch(n){t.some(function(e){e.__h&&=[]}),t=[],M.__e(n,e.__v)}}),Se&&Se(e,t)},M.unmount=function(e){Ce&&Ce(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(e){try{Ne(e)}catch(e){t=e}}),n.__H=void 0,t&&M.__e(t,n.__v))};var je=typeof requestAnimationFrame==`function`;function Me(e){var t,n=function(){clearTimeout(r),je&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);je&&(t=requestAnimationFrame(n))}function Ne(e){var t=j,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),j=t}function Pe(e){var t=j;e.__c=e.__(),j=t}function Fe(e,t){return!e||e.length!==t.length||t.some(function(t,n){return t!==e[n]})}function Ie(e,t){return typeof t==`function`?t(e):t}function F(e){return e===null?`null`:Array.isArray(e)?`array`:typeof e}function Le(e){return F(e)===`object`}function Re(e){return Array.isArray(e)&&e.length>0&&e.every(e=>`message`in e)}function ze(e,t){return e.length<124?e:t}var I=(e=>(e[e.InternalServerError=4500]=`InternalServerError`,e[e.InternalClientError=4005]=`InternalClientError`,e[e.BadRequest=4400]=`BadRequest`,e[e.BadResponse=4004]=`BadResponse`,e[e.Unauthorized=4401]=`Unauthorized`,e[e.Forbidden=4403]=`Forbidden`,e[e.SubprotocolNotAcceptable=4406]=`SubprotocolNotAcceptable`,e[e.ConnectionInitialisationTimeout=4408]=`ConnectionInitialisationTimeout`,e[e.ConnectionAcknowledgementTimeout=4504]=`ConnectionAcknowledgementTimeout`,e[e.SubscriberAlreadyExists=4409]=`SubscriberAlreadyExists`,e[e.TooManyInitialisationRequests=4429]=`TooManyInitialisationRequests`,e))(I||{}),L=(e=>(e.ConnectionInit=`connection_init`,e.ConnectionAck=`connection_ack`,e.Ping=`ping`,e.Pong=`pong`,e.Subscribe=`subscribe`,e.Next=`next`,e.Error=`error`,e.Complete=`complete`,e))(L||{});function Be(e){if(!Le(e))throw Error(`Message is expected to be an object, but got ${F(e)}`);if(!e.type)throw Error(`Message is missing the 'type' property`);if(typeof e.type!=`string`)throw Error(`Message is expects the 'type' property to be a string, but got ${F(e.type)}`);switch(e.type){case`connection_init`:case`connection_ack`:case`ping`:case`pong`:if(e.payload!=null&&!Le(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object or nullish or missing, but got "${e.payload}"`);break;case`subscribe`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Le(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);if(typeof e.payload.query!=`string`)throw Error(`"${e.type}" message payload expects the 'query' property to be a string, but got ${F(e.payload.query)}`);if(e.payload.variables!=null&&!Le(e.payload.variables))throw Error(`"${e.type}" message payload expects the 'variables' property to be a an object or nullish or missing, but got ${F(e.payload.variables)}`);if(e.payload.operationName!=null&&F(e.payload.operationName)!==`string`)throw Error(`"${e.type}" message payload expects the 'operationName' property to be a string or nullish or missing, but got ${F(e.payload.operationName)}`);if(e.payload.extensions!=null&&!Le(e.payload.extensions))throw Error(`"${e.type}" message payload expects the 'extensions' property to be a an object or nullish or missing, but got ${F(e.payload.extensions)}`);break;case`next`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Le(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an object, but got ${F(e.payload)}`);break;case`error`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);if(!Re(e.payload))throw Error(`"${e.type}" message expects the 'payload' property to be an array of GraphQL errors, but got ${JSON.stringify(e.payload)}`);break;case`complete`:if(typeof e.id!=`string`)throw Error(`"${e.type}" message expects the 'id' property to be a string, but got ${F(e.id)}`);if(!e.id)throw Error(`"${e.type}" message requires a non-empty 'id' property`);break;default:throw Error(`Invalid message 'type' property "${e.type}"`)}return e}function Ve(e,t){return Be(typeof e==`string`?JSON.parse(e,t):e)}function He(e,t){return Be(e),JSON.stringify(e,t)}function Ue(e){let{url:t,connectionParams:n,lazy:r=!0,onNonLazyError:i=console.error,lazyCloseTimeout:a=0,keepAlive:o=0,disablePong:s,connectionAckWaitTimeout:c=0,retryAttempts:l=5,retryWait:u=async function(e){let t=2**e;await new Promise(e=>setTimeout(e,t*1e3+Math.floor(Math.random()*2700+300)))},shouldRetry:d=Ge,on:f,webSocketImpl:p,generateID:m=function(){return`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.replace(/[xy]/g,e=>{let t=Math.random()*16|0;return(e==`x`?t:t&3|8).toString(16)})},jsonMessageReplacer:h,jsonMessageReviver:g}=e,_;if(p){if(!qe(p))throw Error(`Invalid WebSocket implementation provided`);_=p}else typeof WebSocket<`u`?_=WebSocket:typeof global<`u`?_=global.WebSocket||global.MozWebSocket:typeof window<`u`&&(_=window.WebSocket||window.MozWebSocket);if(!_)throw Error("WebSocket implementation missing; on Node you can `import WebSocket from 'ws';` and pass `webSocketImpl: WebSocket` to `createClient`");let v=_,y=(()=>{let e=(()=>{let e={};return{on(t,n){return e[t]=n,()=>{delete e[t]}},emit(t){`id`in t&&e[t.id]?.(t)}}})(),t={connecting:f?.connecting?[f.connecting]:[],opened:f?.opened?[f.opened]:[],connected:f?.connected?[f.connected]:[],ping:f?.ping?[f.ping]:[],pong:f?.pong?[f.pong]:[],message:f?.message?[e.emit,f.message]:[e.emit],closed:f?.closed?[f.closed]:[],error:f?.error?[f.error]:[]};return{onMessage:e.on,on(e,n){let r=t[e];return r.push(n),()=>{let e=r.indexOf(n);e>-1&&r.splice(e,1)}},emit(e,...n){for(let r of[...t[e]])r(...n)}}})();function b(e){let t=[y.on(`error`,n=>{t.forEach(e=>e()),e(n)}),y.on(`closed`,n=>{t.forEach(e=>e()),e(n)})];return()=>t.forEach(e=>e())}let x,S=0,C,w=!1,T=0,E=!1;async function D(){clearTimeout(C);let[e,r]=await(x??=new Promise((e,r)=>(async()=>{if(w){if(await u(T),!S)return x=void 0,r({code:1e3,reason:`All Subscriptions Gone`});T++}y.emit(`connecting`,w);let i=new v(typeof t==`function`?await t():t,`graphql-transport-ws`),a,l;function d(){isFinite(o)&&o>0&&(clearTimeout(l),l=setTimeout(()=>{i.readyState===v.OPEN&&(i.send(He({type:L.Ping})),y.emit(`ping`,!1,void 0))},o))}b(e=>{x=void 0,clearTimeout(a),clearTimeout(l),r(e),e instanceof We&&(i.close(4499,`Terminated`),i.onerror=null,i.onclose=null)}),i.onerror=e=>y.emit(`error`,e),i.onclose=e=>y.emit(`closed`,e),i.onopen=async()=>{try{y.emit(`opened`,i);let e=typeof n==`function`?await n():n;if(i.readyState!==v.OPEN)return;i.send(He(e?{type:L.ConnectionInit,payload:e}:{type:L.ConnectionInit},h)),isFinite(c)&&c>0&&(a=setTimeout(()=>{i.close(I.ConnectionAcknowledgementTimeout,`Connection acknowledgement timeout`)},c)),d()}catch(e){y.emit(`error`,e),i.close(I.InternalClientError,ze(e instanceof Error?e.message:String(e),`Internal client error`))}};let f=!1;i.onmessage=({data:t})=>{try{let n=Ve(t,g);if(y.emit(`message`,n),n.type===`ping`||n.type===`pong`){y.emit(n.type,!0,n.payload),n.type===`pong`?d():s||(i.send(He(n.payload?{type:L.Pong,payload:n.payload}:{type:L.Pong},h)),y.emit(`pong`,!1,n.payload));return}if(f)return;if(n.type!==L.ConnectionAck)throw Error(`First message cannot be of type ${n.type}`);clearTimeout(a),f=!0,y.emit(`connected`,i,n.payload,w),w=!1,T=0;let r=new Promise((e,t)=>b(t));r.catch(()=>{}),e([i,r])}catch(e){i.onmessage=null,y.emit(`error`,e),i.close(I.BadResponse,ze(e instanceof Error?e.message:String(e),`Bad response`))}}})()));e.readyState===v.CLOSING&&await r;let i=()=>{},l=new Promise(e=>i=e);return[e,i,new Promise((t,n)=>{let i=b(n);e.readyState!==v.OPEN&&r.catch(n),l.then(()=>{if(i(),!S){let t=()=>e.close(1e3,`Normal Closure`);isFinite(a)&&a>0?(clearTimeout(C),C=setTimeout(()=>{!S&&e.readyState===v.OPEN&&t()},a)):t()}t()})})]}function O(e){if(Ge(e)&&(Ke(e.code)||[I.InternalServerError,I.InternalClientError,I.BadRequest,I.BadResponse,I.Unauthorized,I.SubprotocolNotAcceptable,I.SubscriberAlreadyExists,I.TooManyInitialisationRequests].includes(e.code)))throw e;if(E)return!1;if(Ge(e)&&e.code===1e3)return S>0;if(!l||T>=l||!d(e))throw e;return w=!0}r||(async()=>{for(S++;;)try{let[,,e]=await D();await e}catch(e){try{if(!O(e))return}catch(e){return i?.(e)}}})();function ee(e,t){let n=m(e),r=!1,i=!1,a=()=>{S--,r=!0};return(async()=>{for(S++;;)try{let[o,s,c]=await D();if(r)return c.catch(()=>{}),s();let l=y.onMessage(n,e=>{switch(e.type){case L.Next:t.next(e.payload);return;case L.Error:i=!0,r=!0,t.error(e.payload),a();return;case L.Complete:r=!0,a();return}});o.send(He({id:n,type:L.Subscribe,payload:e},h)),a=()=>{!r&&o.readyState===v.OPEN&&o.send(He({id:n,type:L.Complete},h)),S--,r=!0,s()},await c.finally(l);return}catch(e){if(!O(e))return}})().then(()=>{i||t.complete()}).catch(e=>{t.error(e)}),()=>{r||a()}}return{on:y.on,subscribe:ee,iterate(e){let t=[],n={done:!1,error:null,resolve:()=>{}},r=ee(e,{next(e){t.push(e),n.resolve()},error(e){n.done=!0,n.error=e,n.resolve()},complete(){n.done=!0,n.resolve()}}),i=async function*(){for(;;){for(t.length||await new Promise(e=>n.resolve=e);t.length;)yield t.shift();if(n.error)throw n.error;if(n.done)return}}();return i.throw=async e=>(n.done||(n.done=!0,n.error=e,n.resolve()),{done:!0,value:void 0}),i.return=async()=>(r(),{done:!0,value:void 0}),i},async dispose(){if(E=!0,x){let[e]=await x;e.close(1e3,`Normal Closure`)}},terminate(){x&&y.emit(`closed`,new We)}}}var We=class extends Error{name=`TerminatedCloseEvent`;message=`4499: Terminated`;code=4499;reason=`Terminated`;wasClean=!1};function Ge(e){return Le(e)&&`code`in e&&`reason`in e}function Ke(e){return![1e3,1001,1006,1005,1012,1013,1014].includes(e)&&e>=1e3&&e<=1999}function qe(e){return typeof e==`function`&&`constructor`in e&&`CLOSED`in e&&`CLOSING`in e&&`CONNECTING`in e&&`OPEN`in e}var Je=`livemarket.token`,Ye=localStorage.getItem(Je),Xe=new Set;function Ze(){return Ye}function Qe(e){Ye=e,e?localStorage.setItem(Je,e):localStorage.removeItem(Je),nt&&(nt.dispose(),nt=null,ot(!1)),Xe.forEach(e=>e())}function $e(e){return Xe.add(e),()=>Xe.delete(e)}var et=class extends Error{code;constructor(e,t){super(e),this.code=t}};function tt(e){let t=/\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(e);return t?t[2]:``}async function R(e,t){let n=e.toString(),r={"Content-Type":`application/json`};Ye&&(r.Authorization=`Bearer ${Ye}`);let i;try{i=await fetch(`/graphql`,{method:`POST`,headers:r,body:JSON.stringify({operationName:tt(n),query:n,variables:t??{}})})}catch{throw new et(`Cannot reach the server. Check your connection and try again.`,`NETWORK`)}let a;try{a=await i.json()}catch{throw new et(`The server answered ${i.status}.`,`HTTP`)}if(a.errors?.length){let e=a.errors[0],t=e.extensions?.code;throw t===`UNAUTHENTICATED`&&Ye&&Qe(null),new et(e.message,t)}if(!a.data)throw new et(`Empty answer from the server.`);return a.data}var nt=null,rt=!1,it=new Set;function at(e){return it.add(e),e(rt),()=>it.delete(e)}function ot(e){rt=e,it.forEach(t=>t(e))}function st(){if(!nt){let e=`${location.protocol===`https:`?`wss`:`ws`}://${location.host}/graphql`,t=Ye;nt=Ue({url:e,lazy:!0,retryAttempts:1/0,shouldRetry:()=>!0,retryWait:async e=>new Promise(t=>setTimeout(t,Math.min(1e3*2**e,1e4))),connectionParams:()=>t?{authToken:t}:{},on:{connected:()=>ot(!0),closed:()=>ot(!1)}})}return nt}function ct(e,t,n,r){let i=e.toString();return st().subscribe({operationName:tt(i),query:i,variables:t},{next:e=>{e.errors?.length?r?.(e.errors[0].message):e.data&&n(e.data)},error:e=>r?.(e instanceof Error?e.message:`The live connection failed.`),complete:()=>{}})}function lt(e){let t=e.field??[];return(t[0]===`input`?t.slice(1):t).join(`.`)}function ut(e,t){return e.find(e=>lt(e)===t)?.message}function dt(e,t){return e.filter(e=>!t.includes(lt(e)))}function z(e){if(!e)return``;try{return new Intl.NumberFormat(`en-US`,{style:`currency`,currency:e.currency}).format(e.amountMinor/100)}catch{return`${(e.amountMinor/100).toFixed(2)} ${e.currency}`}}function B(e){return e?new Date(e).toLocaleString(`en-US`,{weekday:`short`,month:`short`,day:`numeric`,hour:`numeric`,minute:`2-digit`}):``}function ft(){return typeof crypto<`u`&&`randomUUID`in crypto?crypto.randomUUID():`${Date.now()}-${Math.random().toString(36).slice(2)}`}var V=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new V(`
    fragment UserErrorFields on UserError {
  code
  field
  message
}
    `,{fragmentName:`UserErrorFields`}),new V(`
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
    `,{fragmentName:`PageInfoFields`}),new V(`
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}
    `,{fragmentName:`ViewerFields`}),new V(`
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}
    `,{fragmentName:`VendorFields`}),new V(`
    fragment MoneyFields on Money {
  amountMinor
  currency
}
    `,{fragmentName:`MoneyFields`}),new V(`
    fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`ProductCardFields`}),new V(`
    fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`ProductFields`}),new V(`
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}
    `,{fragmentName:`InfluencerFields`}),new V(`
    fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}
    `,{fragmentName:`OfferFields`}),new V(`
    fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`CollaborationFields`}),new V(`
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}
    `,{fragmentName:`NotificationFields`}),new V(`
    fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`ShowCardFields`}),new V(`
    fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`FlashSaleFields`}),new V(`
    fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`,{fragmentName:`ShowFields`}),new V(`
    fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}
    `,{fragmentName:`ChatMessageFields`}),new V(`
    fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`QuestionFields`}),new V(`
    fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`CartFields`}),new V(`
    fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`OrderLineFields`}),new V(`
    fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}`,{fragmentName:`OrderFields`}),new V(`
    fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`SalesRowFields`}),new V(`
    fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`BalanceFields`}),new V(`
    fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}`,{fragmentName:`PayoutFields`}),new V(`
    mutation VendorPlatformFeeSet($input: VendorPlatformFeeSetInput!) {
  vendorPlatformFeeSet(input: $input) {
    vendor {
      id
      platformFeeBps
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new V(`
    mutation PayoutRun {
  payoutRun {
    period
    created {
      ...PayoutFields
    }
    sent
    failed
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new V(`
    mutation PayoutMarkPaid($input: PayoutMarkPaidInput!) {
  payoutMarkPaid(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new V(`
    mutation PayoutMarkFailed($input: PayoutMarkFailedInput!) {
  payoutMarkFailed(input: $input) {
    payout {
      ...PayoutFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),new V(`
    query MyInfluencerProfile {
  me {
    id
    influencer {
      ...InfluencerFields
    }
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`);var pt=new V(`
    mutation InfluencerProfileCreate($input: InfluencerProfileCreateInput!) {
  influencerProfileCreate(input: $input) {
    influencer {
      ...InfluencerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`),mt=new V(`
    query Offers($filter: OfferFilter, $first: Int, $after: String) {
  offers(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OfferFields
        product {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`),ht=new V(`
    mutation CollaborationBook($input: CollaborationBookInput!) {
  collaborationBook(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new V(`
    mutation CollaborationRequest($input: CollaborationRequestInput!) {
  collaborationRequest(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);var gt=new V(`
    mutation CollaborationAcceptCounter($input: CollaborationIdInput!) {
  collaborationAcceptCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),_t=new V(`
    query MyCollaborations($filter: CollaborationFilter, $first: Int, $after: String) {
  collaborations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),vt=new V(`
    query Showcase($first: Int, $after: String) {
  showcase(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new V(`
    subscription NotificationReceived {
  notificationReceived {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`);var yt=new V(`
    mutation ShowCreate($input: ShowCreateInput!) {
  showCreate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);new V(`
    mutation ShowUpdate($input: ShowUpdateInput!) {
  showUpdate(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var bt=new V(`
    mutation ShowPublish($input: ShowIdInput!) {
  showPublish(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),xt=new V(`
    mutation ShowReschedule($input: ShowRescheduleInput!) {
  showReschedule(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);new V(`
    mutation ShowCancel($input: ShowIdInput!) {
  showCancel(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var St=new V(`
    mutation ShowGoLive($input: ShowIdInput!) {
  showGoLive(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Ct=new V(`
    mutation ShowEnd($input: ShowIdInput!) {
  showEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),wt=new V(`
    query MyShows($influencerId: ID!, $status: [ShowStatus!] = [DRAFT, SCHEDULED, LIVE], $first: Int, $after: String) {
  influencer(id: $influencerId) {
    id
    shows(filter: {status: $status}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ShowCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`),Tt=new V(`
    mutation ProductPin($input: ProductPinInput!) {
  productPin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Et=new V(`
    mutation ProductUnpin($input: ShowIdInput!) {
  productUnpin(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),Dt=new V(`
    mutation QuestionAnswer($input: QuestionAnswerInput!) {
  questionAnswer(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Ot=new V(`
    mutation ChatRemove($input: ChatRemoveInput!) {
  chatRemove(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`);new V(`
    mutation ShowModeratorAdd($input: ShowUserInput!) {
  showModeratorAdd(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new V(`
    mutation ShowMute($input: ShowUserInput!) {
  showMute(input: $input) {
    show {
      id
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new V(`
    mutation FlashSaleStart($input: FlashSaleStartInput!) {
  flashSaleStart(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),new V(`
    mutation FlashSaleEnd($input: FlashSaleEndInput!) {
  flashSaleEnd(input: $input) {
    show {
      ...ShowFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`);var kt=new V(`
    query Earnings($from: Time!, $to: Time!) {
  earnings(from: $from, to: $to) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`),At=new V(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`),jt=new V(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    token
    user {
      ...ViewerFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`),Mt=new V(`
    mutation SignOut {
  signOut {
    ok
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Nt=new V(`
    query Me {
  me {
    ...ViewerFields
  }
}
    fragment ViewerFields on User {
  id
  email
  displayName
  isAdmin
  influencer {
    id
    handle
  }
}`);new V(`
    query Vendor($slug: String!) {
  vendor(slug: $slug) {
    ...VendorFields
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`);var Pt=new V(`
    query VendorProducts($slug: String!, $first: Int, $after: String) {
  vendor(slug: $slug) {
    id
    products(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ProductCardFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`);new V(`
    query Influencer($handle: String!) {
  influencer(handle: $handle) {
    ...InfluencerFields
  }
}
    fragment InfluencerFields on Influencer {
  id
  handle
  displayName
  bio
  avatarUrl
  followerCount
  viewerIsFollowing
}`),new V(`
    mutation InfluencerFollow($input: InfluencerFollowInput!) {
  influencerFollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new V(`
    mutation InfluencerUnfollow($input: InfluencerFollowInput!) {
  influencerUnfollow(input: $input) {
    influencer {
      id
      followerCount
      viewerIsFollowing
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),new V(`
    query Products($filter: ProductFilter, $first: Int, $after: String) {
  products(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ProductCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`),new V(`
    query Product($id: ID!) {
  product(id: $id) {
    ...ProductFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`),new V(`
    query UpcomingShows($from: Time, $to: Time, $category: String, $vendorId: ID, $influencerId: ID, $first: Int, $after: String) {
  shows(
    filter: {from: $from, to: $to, category: $category, vendorId: $vendorId, influencerId: $influencerId}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`);var Ft=new V(`
    query Show($id: ID!) {
  show(id: $id) {
    ...ShowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}
fragment ShowFields on Show {
  ...ShowCardFields
  description
  startedAt
  endedAt
  pinnedProduct {
    ...ProductCardFields
  }
  featuredProducts {
    product {
      id
    }
    flashSale {
      ...FlashSaleFields
    }
  }
}
fragment FlashSaleFields on FlashSale {
  product {
    id
    title
  }
  price {
    ...MoneyFields
  }
  quantity
  remaining
  perBuyerLimit
  endsAt
}`),It=new V(`
    mutation ShowJoin($input: ShowIdInput!) {
  showJoin(input: $input) {
    token
    url
    canPublish
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Lt=new V(`
    mutation ShowRemindMe($input: ShowIdInput!) {
  showRemindMe(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),Rt=new V(`
    mutation ShowReminderCancel($input: ShowIdInput!) {
  showReminderCancel(input: $input) {
    show {
      id
      reminderCount
      viewerHasReminder
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`),zt=new V(`
    query SearchShows($query: String!, $filter: ShowSearchFilter, $sort: ShowSearchSort, $first: Int, $after: String) {
  searchShows(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...ShowCardFields
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ShowCardFields on Show {
  id
  title
  category
  coverUrl
  status
  scheduledStart
  scheduledEnd
  host {
    id
    handle
    displayName
    avatarUrl
  }
  featuredProducts {
    position
    product {
      ...ProductCardFields
    }
    collaboration {
      id
      commissionBps
    }
  }
  viewerCount
  reminderCount
  viewerHasReminder
}`),Bt=new V(`
    query SearchProducts($query: String!, $filter: ProductSearchFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
  searchProducts(
    query: $query
    filter: $filter
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        product {
          ...ProductCardFields
        }
        shows {
          id
          title
          scheduledStart
          status
        }
      }
    }
    facets {
      name
      values {
        value
        label
        count
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}`),Vt=new V(`
    mutation ChatPost($input: ChatPostInput!) {
  chatPost(input: $input) {
    message {
      ...ChatMessageFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`),Ht=new V(`
    mutation QuestionAsk($input: QuestionAskInput!) {
  questionAsk(input: $input) {
    question {
      ...QuestionFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Ut=new V(`
    query ShowChat($id: ID!, $first: Int, $after: String) {
  show(id: $id) {
    id
    chat(first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ChatMessageFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment ChatMessageFields on ChatMessage {
  id
  body
  createdAt
  author {
    id
    displayName
  }
}`),Wt=new V(`
    query ShowQuestions($id: ID!, $answered: Boolean, $first: Int, $after: String) {
  show(id: $id) {
    id
    questions(filter: {answered: $answered}, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...QuestionFields
        }
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment QuestionFields on Question {
  id
  body
  answer
  answeredAt
  createdAt
  author {
    id
    displayName
  }
  product {
    ...ProductCardFields
  }
}`),Gt=new V(`
    subscription ShowEvents($showId: ID!, $afterSeq: Int64) {
  showEvents(showId: $showId, afterSeq: $afterSeq) {
    __typename
    seq
    at
    showId
    ... on ShowStatusChanged {
      status
    }
    ... on ProductPinned {
      product {
        id
        title
      }
    }
    ... on ChatMessagePosted {
      message {
        id
        body
        author {
          id
          displayName
        }
      }
    }
    ... on ChatMessageRemoved {
      messageId
    }
    ... on QuestionAsked {
      question {
        id
        body
        answer
      }
    }
    ... on QuestionAnswered {
      question {
        id
        body
        answer
      }
    }
    ... on ViewerCountChanged {
      count
    }
    ... on StockChanged {
      productId
      stock
    }
    ... on PurchaseMade {
      productId
      quantity
    }
    ... on FlashSaleStarted {
      flashSale {
        product {
          id
          title
        }
        price {
          amountMinor
          currency
        }
        quantity
        remaining
        perBuyerLimit
        endsAt
      }
    }
    ... on FlashSaleEnded {
      productId
    }
  }
}
    `),Kt=new V(`
    query Cart {
  cart {
    ...CartFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),qt=new V(`
    mutation CartLineAdd($input: CartLineAddInput!) {
  cartLineAdd(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),Jt=new V(`
    mutation CartLineUpdate($input: CartLineUpdateInput!) {
  cartLineUpdate(input: $input) {
    cart {
      ...CartFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CartFields on Cart {
  id
  lines {
    id
    quantity
    product {
      ...ProductCardFields
    }
    vendor {
      id
      slug
      name
    }
    unitPrice {
      ...MoneyFields
    }
    total {
      ...MoneyFields
    }
    show {
      id
      title
      status
    }
  }
  subtotals {
    ...MoneyFields
  }
}`),Yt=new V(`
    mutation Checkout($input: CheckoutInput!) {
  checkout(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Xt=new V(`
    query Order($id: ID!) {
  order(id: $id) {
    ...OrderFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Zt=new V(`
    query MyOrders($status: OrderStatus, $first: Int, $after: String) {
  orders(filter: {status: $status}, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),Qt=new V(`
    query MyVendors {
  me {
    id
    vendors {
      ...VendorFields
      products(first: 0) {
        totalCount
      }
    }
  }
}
    fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`),$t=new V(`
    mutation VendorCreate($input: VendorCreateInput!) {
  vendorCreate(input: $input) {
    vendor {
      ...VendorFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment VendorFields on Vendor {
  id
  slug
  name
  description
}`);new V(`
    mutation VendorStaffAdd($input: VendorStaffAddInput!) {
  vendorStaffAdd(input: $input) {
    vendor {
      id
      staff {
        role
        user {
          id
          displayName
        }
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);var en=new V(`
    mutation ProductCreate($input: ProductCreateInput!) {
  productCreate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`);new V(`
    mutation ProductUpdate($input: ProductUpdateInput!) {
  productUpdate(input: $input) {
    product {
      ...ProductFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}`);var tn=new V(`
    mutation ProductStockAdjust($input: ProductStockAdjustInput!) {
  productStockAdjust(input: $input) {
    product {
      id
      stock
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);new V(`
    mutation ProductArchive($input: ProductArchiveInput!) {
  productArchive(input: $input) {
    product {
      id
      status
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}`);var nn=new V(`
    mutation OfferPublish($input: OfferPublishInput!) {
  offerPublish(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`);new V(`
    mutation OfferWithdraw($input: OfferWithdrawInput!) {
  offerWithdraw(input: $input) {
    offer {
      ...OfferFields
      product {
        id
      }
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`),new V(`
    query ProductWithOffer($id: ID!) {
  product(id: $id) {
    ...ProductFields
    openOffer {
      ...OfferFields
    }
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment ProductFields on Product {
  ...ProductCardFields
  description
  sku
  status
}
fragment OfferFields on Offer {
  id
  commissionBps
  startsAt
  endsAt
  active
}`);var rn=new V(`
    query VendorCollaborations($vendorId: ID!, $status: CollaborationStatus, $first: Int, $after: String) {
  collaborations(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...CollaborationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),an=new V(`
    mutation CollaborationApprove($input: CollaborationIdInput!) {
  collaborationApprove(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),on=new V(`
    mutation CollaborationReject($input: CollaborationRejectInput!) {
  collaborationReject(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),sn=new V(`
    mutation CollaborationCounter($input: CollaborationCounterInput!) {
  collaborationCounter(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`),cn=new V(`
    mutation CollaborationCancel($input: CollaborationIdInput!) {
  collaborationCancel(input: $input) {
    collaboration {
      ...CollaborationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment ProductCardFields on Product {
  id
  title
  category
  price {
    ...MoneyFields
  }
  imageUrls
  stock
  vendor {
    id
    slug
    name
  }
}
fragment CollaborationFields on Collaboration {
  id
  status
  commissionBps
  requestedBps
  startsAt
  endsAt
  message
  rejectReason
  createdAt
  product {
    ...ProductCardFields
  }
  vendor {
    id
    slug
    name
  }
  influencer {
    id
    handle
    displayName
    avatarUrl
  }
}`);new V(`
    query VendorPlatformFee($id: ID!) {
  vendor(id: $id) {
    id
    platformFeeBps
  }
}
    `),new V(`
    query Notifications($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`),new V(`
    mutation NotificationMarkRead($input: NotificationMarkReadInput!) {
  notificationMarkRead(input: $input) {
    notifications {
      ...NotificationFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment NotificationFields on Notification {
  id
  kind
  title
  body
  subjectId
  readAt
  createdAt
}`);var ln=new V(`
    subscription VendorSales($vendorId: ID!) {
  vendorSales(vendorId: $vendorId) {
    orderId
    vendorId
    show {
      id
      title
    }
    influencer {
      id
      handle
      displayName
    }
    product {
      id
      title
    }
    quantity
    gross {
      amountMinor
      currency
    }
    commission {
      amountMinor
      currency
    }
    at
  }
}
    `);new V(`
    query VendorOrders($vendorId: ID!, $status: OrderStatus, $first: Int, $after: String) {
  orders(
    filter: {vendorId: $vendorId, status: $status}
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...OrderFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`),new V(`
    mutation OrderRefund($input: OrderRefundInput!) {
  orderRefund(input: $input) {
    order {
      ...OrderFields
    }
    errors {
      ...UserErrorFields
    }
  }
}
    fragment UserErrorFields on UserError {
  code
  field
  message
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment OrderLineFields on OrderLine {
  id
  quantity
  unitPrice {
    ...MoneyFields
  }
  total {
    ...MoneyFields
  }
  commissionBps
  platformFeeBps
  refundedQuantity
  product {
    id
    title
    imageUrls
  }
  vendor {
    id
    slug
    name
  }
}
fragment OrderFields on Order {
  id
  number
  status
  createdAt
  total {
    ...MoneyFields
  }
  show {
    id
    title
  }
  influencer {
    id
    handle
    displayName
  }
  lines {
    ...OrderLineFields
  }
  vendorOrders {
    id
    status
    vendor {
      id
      slug
      name
    }
    subtotal {
      ...MoneyFields
    }
    lines {
      id
    }
  }
}`);var un=new V(`
    query VendorSalesReport($vendorId: ID!, $from: Time!, $to: Time!, $groupBy: SalesGroupBy!) {
  vendorSalesReport(vendorId: $vendorId, from: $from, to: $to, groupBy: $groupBy) {
    ...SalesRowFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment SalesRowFields on SalesRow {
  key
  label
  orders
  units
  gross {
    ...MoneyFields
  }
  commission {
    ...MoneyFields
  }
  platformFee {
    ...MoneyFields
  }
  vendorNet {
    ...MoneyFields
  }
  refunded {
    ...MoneyFields
  }
}`),dn=new V(`
    query Balances {
  balances {
    ...BalanceFields
  }
}
    fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment BalanceFields on Balance {
  partyId
  partyType
  currency
  pending {
    ...MoneyFields
  }
  available {
    ...MoneyFields
  }
  paidOut {
    ...MoneyFields
  }
}`),fn=new V(`
    query Payouts($first: Int, $after: String) {
  payouts(first: $first, after: $after) {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
    edges {
      cursor
      node {
        ...PayoutFields
      }
    }
  }
}
    fragment PageInfoFields on PageInfo {
  hasNextPage
  endCursor
}
fragment MoneyFields on Money {
  amountMinor
  currency
}
fragment PayoutFields on Payout {
  id
  partyId
  partyType
  amount {
    ...MoneyFields
  }
  status
  period
  reference
  failure
  createdAt
  paidAt
  failedAt
}`),H=null,pn=!1,mn=new Set,hn=()=>mn.forEach(e=>e());async function gn(){if(!Ze())H=null;else try{H=(await R(Nt)).me??null}catch{H=null}pn=!0,hn()}function _n(e,t){Qe(e),H=t??null,pn=!0,hn()}async function vn(){try{await R(Mt)}catch{}Qe(null),H=null,hn()}$e(()=>{!Ze()&&H&&(H=null,hn())});function U(){let[,e]=N(0);return P(()=>{let t=()=>e(e=>e+1);return mn.add(t),()=>{mn.delete(t)}},[]),{viewer:H,loaded:pn}}var yn=new Set;function W(e,t=!1){t?history.replaceState(null,``,e):history.pushState(null,``,e),yn.forEach(e=>e()),window.scrollTo(0,0)}window.addEventListener(`popstate`,()=>yn.forEach(e=>e()));function bn(){let[,e]=N(0);return P(()=>{let t=()=>e(e=>e+1);return yn.add(t),()=>{yn.delete(t)}},[]),{path:location.pathname,params:new URLSearchParams(location.search)}}var xn=0;Array.isArray;function G(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--xn,__i:-1,__u:0,__source:a,__self:o};if(typeof e==`function`&&(s=e.defaultProps))for(c in s)l[c]===void 0&&(l[c]=s[c]);return t.vnode&&t.vnode(u),u}var Sn=0;function Cn(e){let t=De(``);return t.current||=`${e}-${++Sn}`,t.current}function K(e){let t=Cn(`f`),n=e.error??(e.errors?ut(e.errors,e.name):void 0),r=[e.hint?`${t}-hint`:``,n?`${t}-err`:``].filter(Boolean).join(` `)||void 0,i={id:t,name:e.name,value:e.value,required:e.required,"aria-invalid":n?!0:void 0,"aria-describedby":r,placeholder:e.placeholder};return G(`div`,{class:`field${n?` field-error`:``}`,children:[G(`label`,{for:t,children:e.label}),e.multiline?G(`textarea`,{...i,rows:3,onInput:t=>e.onInput(t.target.value)}):G(`input`,{...i,type:e.type??`text`,autocomplete:e.autocomplete,min:e.min,max:e.max,step:e.step,inputMode:e.inputMode,onInput:t=>e.onInput(t.target.value)}),e.hint&&G(`p`,{class:`hint`,id:`${t}-hint`,children:e.hint}),n&&G(`p`,{class:`error`,id:`${t}-err`,role:`alert`,children:n})]})}function wn(e){let t=Cn(`s`),n=e.errors?ut(e.errors,e.name):void 0;return G(`div`,{class:`field${n?` field-error`:``}`,children:[G(`label`,{for:t,children:e.label}),G(`select`,{id:t,name:e.name,value:e.value,"aria-invalid":n?!0:void 0,"aria-describedby":n?`${t}-err`:void 0,onChange:t=>e.onChange(t.target.value),children:e.options.map(e=>G(`option`,{value:e.value,children:e.label},e.value))}),n&&G(`p`,{class:`error`,id:`${t}-err`,role:`alert`,children:n})]})}function q({errors:e,fields:t,failure:n}){let r=dt(e,t);return!r.length&&!n?null:G(`div`,{class:`alert`,role:`alert`,children:[n&&G(`p`,{children:n}),r.map((e,t)=>G(`p`,{children:e.message},t))]})}function J({error:e}){if(!e)return null;let t=e instanceof Error?e.message:String(e),n=e instanceof et&&e.code===`UNAUTHENTICATED`;return G(`div`,{class:`alert`,role:`alert`,children:[G(`p`,{children:t}),n&&G(`p`,{children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to continue.`]})]})}function Y({what:e}){return G(`p`,{class:`muted`,role:`status`,children:[`Loading`,e?` ${e}`:``,`…`]})}function X(e,t){let[n,r]=N(void 0),[i,a]=N(null),[o,s]=N(!0),c=De(0),l=ke(async()=>{let t=++c.current;s(!0);try{let n=await e();t===c.current&&(r(n),a(null))}catch(e){t===c.current&&a(e)}finally{t===c.current&&s(!1)}},t);return P(()=>{l()},[l]),{data:n,error:i,loading:o,reload:l,setData:e=>r(t=>e(t))}}function Z(){let[e,t]=N(!1),[n,r]=N(null);return{busy:e,failure:n,run:async e=>{t(!0),r(null);try{return await e()}catch(e){r(e instanceof Error?e.message:String(e));return}finally{t(!1)}},setFailure:r}}function Tn(e=1e3){let[t,n]=N(Date.now());return P(()=>{let t=setInterval(()=>n(Date.now()),e);return()=>clearInterval(t)},[e]),t}function En(e,t){let n=Math.max(0,Math.floor((new Date(e).getTime()-t)/1e3));if(n===0)return`starting now`;let r=Math.floor(n/86400);n-=r*86400;let i=Math.floor(n/3600);n-=i*3600;let a=Math.floor(n/60);n-=a*60;let o=e=>String(e).padStart(2,`0`);return`starts in ${r?`${r}d `:``}${o(i)}:${o(a)}:${o(n)}`}function Dn({to:e}){return G(`span`,{class:`countdown`,children:G(`time`,{dateTime:e,children:En(e,Tn())})})}function Q({status:e}){return G(`span`,{class:`badge badge-${e.toLowerCase()}`,children:e===`LIVE`?`● LIVE`:e.toLowerCase()})}function On(e){let t=new Date(e);return isNaN(t.getTime())?e:t.toISOString()}function kn(e){let t=new Date(e),n=e=>String(e).padStart(2,`0`);return`${t.getFullYear()}-${n(t.getMonth()+1)}-${n(t.getDate())}T${n(t.getHours())}:${n(t.getMinutes())}`}function $(e){return`${(e/100).toFixed(e%100?2:0)}%`}function An(e){let t=e.get(`next`);return t&&t.startsWith(`/`)&&!t.startsWith(`//`)?t:`/`}function jn(){let{params:e}=bn(),[t,n]=N(``),[r,i]=N(``),[a,o]=N([]),s=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Sign in`}),G(`form`,{onSubmit:async n=>{n.preventDefault();let i=await s.run(()=>R(jt,{input:{email:t,password:r}}));i&&(o(i.signIn.errors),i.signIn.token&&(_n(i.signIn.token,i.signIn.user),W(An(e))))},children:[G(q,{errors:a,fields:[`email`,`password`],failure:s.failure}),G(K,{label:`Email`,name:`email`,type:`email`,autocomplete:`email`,required:!0,value:t,onInput:n,errors:a}),G(K,{label:`Password`,name:`password`,type:`password`,autocomplete:`current-password`,required:!0,value:r,onInput:i,errors:a}),G(`button`,{type:`submit`,class:`primary`,disabled:s.busy,children:s.busy?`Signing in…`:`Sign in`})]}),G(`p`,{children:[`New here? `,G(`a`,{href:`/signup${location.search}`,children:`Create an account`}),`.`]}),G(`p`,{class:`hint`,children:`Demo accounts use the password printed by the server at start-up.`})]})}function Mn(){let{params:e}=bn(),[t,n]=N(``),[r,i]=N(``),[a,o]=N(``),[s,c]=N([]),l=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Create your account`}),G(`form`,{onSubmit:async n=>{n.preventDefault();let i=await l.run(()=>R(At,{input:{email:t,password:r,displayName:a}}));i&&(c(i.signUp.errors),i.signUp.token&&(_n(i.signUp.token,i.signUp.user),W(An(e))))},children:[G(q,{errors:s,fields:[`email`,`password`,`displayName`],failure:l.failure}),G(K,{label:`Name`,name:`displayName`,autocomplete:`name`,required:!0,value:a,onInput:o,errors:s}),G(K,{label:`Email`,name:`email`,type:`email`,autocomplete:`email`,required:!0,value:t,onInput:n,errors:s}),G(K,{label:`Password`,name:`password`,type:`password`,autocomplete:`new-password`,hint:`8 to 128 characters.`,required:!0,value:r,onInput:i,errors:s}),G(`button`,{type:`submit`,class:`primary`,disabled:l.busy,children:l.busy?`Creating…`:`Sign up`})]}),G(`p`,{children:[`Already have an account? `,G(`a`,{href:`/signin${location.search}`,children:`Sign in`}),`.`]})]})}var Nn=[{value:``,label:`Any time`,hours:0},{value:`1h`,label:`Within 1 hour`,hours:1},{value:`24h`,label:`Within 24 hours`,hours:24},{value:`48h`,label:`Within 2 days`,hours:48},{value:`7d`,label:`Within 7 days`,hours:168}];function Pn(e,t){return`${e} ${t}${e===1?``:`s`}`}function Fn(e,t){let[n,r]=N(e);return P(()=>{let n=setTimeout(()=>r(e),t);return()=>clearTimeout(n)},[e,t]),n}function In({show:e}){let{viewer:t}=U(),[n,r]=N(e.viewerHasReminder),[i,a]=N(e.reminderCount),[o,s]=N(null),c=Z();return P(()=>{r(e.viewerHasReminder),a(e.reminderCount)},[e.id,e.viewerHasReminder,e.reminderCount]),e.status===`SCHEDULED`?G(`div`,{class:`remind`,children:[G(`button`,{type:`button`,"aria-pressed":n,disabled:c.busy,onClick:async()=>{if(!t){W(`/signin?next=${encodeURIComponent(location.pathname)}`);return}let i=await c.run(async()=>n?(await R(Rt,{input:{id:e.id}})).showReminderCancel:(await R(Lt,{input:{id:e.id}})).showRemindMe);i&&(i.errors.length?s(i.errors[0].message):i.show&&(r(i.show.viewerHasReminder),a(i.show.reminderCount),s(i.show.viewerHasReminder?`Reminder set`:`Reminder cancelled`)))},children:[n?`✓ Reminder set`:`Remind me`,G(`span`,{class:`sr-only`,children:[` for `,e.title]})]}),G(`span`,{class:`muted small`,children:[i,` reminded`]}),G(`span`,{class:`small`,role:`status`,children:c.failure??o??``})]}):null}function Ln({show:e}){let t=[...new Set(e.featuredProducts.map(e=>e.product.vendor.name))];return G(`article`,{class:`card show-card`,"aria-labelledby":`show-${e.id}`,children:[G(`div`,{class:`card-top`,children:[G(Q,{status:e.status}),e.status===`LIVE`?G(`span`,{class:`muted small`,children:[e.viewerCount,` watching`]}):G(Dn,{to:e.scheduledStart})]}),G(`h3`,{id:`show-${e.id}`,children:G(`a`,{href:`/shows/${e.id}`,children:e.title})}),G(`p`,{class:`muted small`,children:[`with @`,e.host.handle,` · `,B(e.scheduledStart),` · `,e.category]}),G(`ul`,{class:`chips`,"aria-label":`Featured products`,children:e.featuredProducts.map(e=>G(`li`,{children:[e.product.title,` `,G(`span`,{class:`muted`,children:z(e.product.price)})]},e.product.id))}),t.length>0&&G(`p`,{class:`muted small`,children:[`From `,t.join(`, `)]}),G(In,{show:e})]})}function Rn(){let[e,t]=N(new URLSearchParams(location.search).get(`q`)??``),[n,r]=N(``),[i,a]=N(``),[o,s]=N(``),[c,l]=N(``),[u,d]=N([]),f=Fn(e.trim(),200),p=i===``?void 0:Math.round(parseFloat(i)*100),m=o===``?void 0:Math.round(parseFloat(o)*100),h=p!==void 0&&m!==void 0&&p>m?`The maximum price must be at least the minimum.`:void 0,g=X(async()=>{let e=Nn.find(e=>e.value===c)?.hours??0,t=e?new Date(Date.now()+e*36e5).toISOString():void 0,r={category:n||void 0,startsBefore:t},i={category:n||void 0,startsBefore:t,minPriceMinor:Number.isFinite(p)?p:void 0,maxPriceMinor:Number.isFinite(m)?m:void 0},[a,o]=await Promise.all([R(zt,{query:f,filter:r,sort:f?`RELEVANCE`:`STARTS_AT`,first:24}),R(Bt,{query:f,filter:i,sort:f?`RELEVANCE`:`STARTS_AT`,first:12})]);return{shows:a.searchShows,products:o.searchProducts}},[f,n,p,m,c]);P(()=>{let e=[...g.data?.shows.facets??[],...g.data?.products.facets??[]].filter(e=>e.name===`category`).flatMap(e=>e.values.map(e=>e.value));e.some(e=>!u.includes(e))&&d([...new Set([...u,...e])].sort())},[g.data]);let _=(g.data?.shows.edges??[]).map(e=>e.node).filter(e=>e.featuredProducts.some(e=>(p===void 0||!Number.isFinite(p)||e.product.price.amountMinor>=p)&&(m===void 0||!Number.isFinite(m)||e.product.price.amountMinor<=m))),v=_.filter(e=>e.status===`LIVE`),y=_.filter(e=>e.status===`SCHEDULED`),b=g.data?.products.edges??[];return G(S,{children:[G(`h1`,{children:`Discover live shopping`}),G(`form`,{class:`filters`,role:`search`,"aria-label":`Search and filters`,onSubmit:e=>e.preventDefault(),children:[G(`div`,{class:`search-box`,children:G(K,{label:`Search shows and products`,name:`query`,type:`search`,inputMode:`search`,placeholder:`Try “lipstick”, “earbuds”…`,value:e,onInput:t})}),G(wn,{label:`Category`,name:`category`,value:n,onChange:r,options:[{value:``,label:`All categories`},...u.map(e=>({value:e,label:e}))]}),G(K,{label:`Min price ($)`,name:`minPrice`,type:`number`,min:0,step:`0.01`,inputMode:`decimal`,value:i,onInput:a}),G(K,{label:`Max price ($)`,name:`maxPrice`,type:`number`,min:0,step:`0.01`,inputMode:`decimal`,value:o,onInput:s,error:h}),G(wn,{label:`Starts`,name:`within`,value:c,onChange:l,options:Nn})]}),G(`p`,{class:`muted small`,role:`status`,"aria-live":`polite`,children:g.loading?`Searching…`:g.data?`${Pn(_.length,`show`)}, ${Pn(g.data.products.totalCount,`product`)}`:``}),G(J,{error:g.error}),!g.data&&g.loading&&G(Y,{what:`shows`}),v.length>0&&G(`section`,{"aria-labelledby":`live-h`,children:[G(`h2`,{id:`live-h`,children:`Live now`}),G(`div`,{class:`grid`,children:v.map(e=>G(Ln,{show:e},e.id))})]}),G(`section`,{"aria-labelledby":`upcoming-h`,children:[G(`h2`,{id:`upcoming-h`,children:`Upcoming shows`}),g.data&&y.length===0&&G(`p`,{class:`muted`,children:`No upcoming shows match.`}),G(`div`,{class:`grid`,children:y.map(e=>G(Ln,{show:e},e.id))})]}),G(`section`,{"aria-labelledby":`products-h`,children:[G(`h2`,{id:`products-h`,children:`Products in shows`}),g.data&&b.length===0&&G(`p`,{class:`muted`,children:`No products match.`}),G(`ul`,{class:`product-list`,children:b.map(({node:e})=>G(`li`,{class:`card product-hit`,children:[G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`price`,children:z(e.product.price)}),G(`span`,{class:`muted small`,children:[` · `,e.product.vendor.name]}),G(`ul`,{class:`small`,children:e.shows.map(e=>G(`li`,{children:[G(`a`,{href:`/shows/${e.id}`,children:e.title}),` — `,e.status===`LIVE`?`live now`:B(e.scheduledStart)]},e.id))})]},e.product.id))})]})]})}var zn=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),Bn=function(e){return`/`+e},Vn={},Hn=function(e){return e.pathname.endsWith(`.css`)},Un=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},Wn=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Bn(t,n);let r=s(t),i=Hn(r);return Un(Vn,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:zn,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})};function Gn({show:e,isHost:t}){let n=X(async()=>e.status!==`LIVE`&&e.status!==`SCHEDULED`?null:(await R(It,{input:{id:e.id}})).showJoin,[e.id,e.status]),r=De(null),[i,a]=N(``),[o,s]=N(null),c=n.data,l=!!(c&&c.url&&c.token);return P(()=>{if(!l||!c?.url||!c.token||e.status!==`LIVE`)return;let t=!1,n=null;return(async()=>{let i=await Wn(()=>import(`./livekit-client.esm-DHY26V_-.js`),[]);if(!t){n=new i.Room({adaptiveStream:!0}),n.on(i.RoomEvent.TrackSubscribed,t=>{if(t.kind===`video`||t.kind===`audio`){let n=t.attach();n instanceof HTMLVideoElement&&(n.playsInline=!0,n.setAttribute(`aria-label`,`Live video of ${e.title}`)),r.current?.appendChild(n)}}),n.on(i.RoomEvent.TrackUnsubscribed,e=>e.detach().forEach(e=>e.remove())),n.on(i.RoomEvent.Disconnected,()=>a(`Video disconnected.`)),a(`Connecting to video…`);try{await n.connect(c.url,c.token),t||(a(``),s(n))}catch(e){a(`Video unavailable: ${e instanceof Error?e.message:String(e)}`)}}})(),()=>{t=!0,n?.disconnect(),s(null)}},[l,c?.url,c?.token,e.status,e.id]),n.loading&&!c?G(`div`,{class:`video video-off`,children:G(Y,{what:`video`})}):l?G(`div`,{class:`video`,"aria-label":`Video`,children:[G(`div`,{ref:r,class:`video-frame`,children:e.status!==`LIVE`&&G(`p`,{class:`video-wait`,children:[`The video starts when the show goes live. `,G(Dn,{to:e.scheduledStart})]})}),G(`p`,{class:`small`,role:`status`,children:i}),t&&c?.canPublish&&o&&G(`button`,{type:`button`,onClick:async()=>{try{await o.localParticipant.enableCameraAndMicrophone(),a(`Broadcasting.`)}catch(e){a(`Camera unavailable: ${e instanceof Error?e.message:String(e)}`)}},children:`Start camera and microphone`})]}):G(`div`,{class:`video video-off`,role:`note`,"aria-label":`Video`,children:[G(`p`,{children:G(`strong`,{children:`Video not configured`})}),G(`p`,{class:`small`,children:e.status===`LIVE`||e.status===`SCHEDULED`?`This server has no video service (local mode). Chat, questions, pinned products and checkout work as in a real show.`:`This show is ${e.status.toLowerCase()}.`}),c&&c.errors.length>0&&G(`p`,{class:`small`,children:c.errors[0].message})]})}function Kn({f:e,show:t,stock:n,pinned:r,isHost:i,onPin:a,onBuy:o,busy:s}){let c=e.product,l=e.flashSale;return G(`li`,{class:`card product${r?` pinned`:``}`,"data-product-id":c.id,"aria-current":r?`true`:void 0,children:[G(`div`,{class:`product-head`,children:[G(`strong`,{class:`product-title`,children:c.title}),r&&G(`span`,{class:`badge badge-pinned`,children:`Pinned`})]}),G(`p`,{class:`small muted`,children:c.vendor.name}),G(`p`,{children:[G(`span`,{class:`price`,children:z(l?l.price:c.price)}),l&&G(`span`,{class:`small`,children:[` `,G(`s`,{children:z(c.price)}),` flash sale: `,l.remaining,` of `,l.quantity,` left, max `,l.perBuyerLimit,` each`]})]}),G(`p`,{class:`stock small`,"data-stock":n,children:n>0?`${n} in stock`:`Sold out`}),G(`div`,{class:`actions`,children:[!i&&G(S,{children:[G(`button`,{type:`button`,class:`primary`,disabled:s||n<=0,onClick:()=>o(c.id,!0),children:[`Buy now`,G(`span`,{class:`sr-only`,children:[`: `,c.title]})]}),G(`button`,{type:`button`,disabled:s||n<=0,onClick:()=>o(c.id,!1),children:[`Add to cart`,G(`span`,{class:`sr-only`,children:[`: `,c.title]})]})]}),i&&(t.status===`LIVE`||t.status===`SCHEDULED`)&&(r?G(`button`,{type:`button`,disabled:s,onClick:()=>a(null),children:[`Unpin`,G(`span`,{class:`sr-only`,children:[` `,c.title]})]}):G(`button`,{type:`button`,disabled:s,onClick:()=>a(c.id),children:[`Pin`,G(`span`,{class:`sr-only`,children:[` `,c.title]})]}))]})]})}function qn({show:e,onShow:t}){let n=Z(),[r,i]=N([]),[a,o]=N(kn(e.scheduledStart)),[s,c]=N(kn(e.scheduledEnd)),l=e=>{e&&(i(e.errors),e.show&&t(e.show))};return G(`section`,{class:`card host-controls`,"aria-labelledby":`host-h`,children:[G(`h2`,{id:`host-h`,children:`Host controls`}),G(`p`,{children:[`Status: `,G(Q,{status:e.status})]}),G(q,{errors:r,fields:[`scheduledStart`,`scheduledEnd`],failure:n.failure}),G(`div`,{class:`actions`,children:[e.status===`DRAFT`&&G(`button`,{type:`button`,class:`primary`,disabled:n.busy,onClick:async()=>l((await n.run(()=>R(bt,{input:{id:e.id}})))?.showPublish),children:`Publish`}),e.status===`SCHEDULED`&&G(`button`,{type:`button`,class:`primary`,disabled:n.busy,onClick:async()=>l((await n.run(()=>R(St,{input:{id:e.id}})))?.showGoLive),children:`Go live`}),e.status===`LIVE`&&G(`button`,{type:`button`,class:`danger`,disabled:n.busy,onClick:async()=>l((await n.run(()=>R(Ct,{input:{id:e.id}})))?.showEnd),children:`End show`})]}),e.status===`SCHEDULED`&&G(`p`,{class:`hint`,children:`A show can go live from 30 minutes before its scheduled start.`}),(e.status===`DRAFT`||e.status===`SCHEDULED`)&&G(`form`,{class:`inline-form`,"aria-label":`Reschedule`,onSubmit:async t=>{t.preventDefault(),l((await n.run(()=>R(xt,{input:{id:e.id,scheduledStart:On(a),scheduledEnd:On(s)}})))?.showReschedule)},children:[G(K,{label:`Starts`,name:`scheduledStart`,type:`datetime-local`,value:a,onInput:o,errors:r,required:!0}),G(K,{label:`Ends`,name:`scheduledEnd`,type:`datetime-local`,value:s,onInput:c,errors:r,required:!0}),G(`button`,{type:`submit`,disabled:n.busy,children:`Reschedule`})]})]})}function Jn({q:e,show:t,onDone:n}){let[r,i]=N(``),[a,o]=N(``),[s,c]=N([]),l=Z();return G(`form`,{class:`answer-form`,onSubmit:async t=>{t.preventDefault();let o=await l.run(()=>R(Dt,{input:{questionId:e.id,answer:r,productId:a||void 0}}));o&&(c(o.questionAnswer.errors),o.questionAnswer.question&&(i(``),n(o.questionAnswer.question)))},children:[G(q,{errors:s,fields:[`answer`,`productId`],failure:l.failure}),G(K,{label:`Answer to “${e.body}”`,name:`answer`,value:r,onInput:i,errors:s,required:!0}),G(wn,{label:`Link a product (optional)`,name:`productId`,value:a,onChange:o,errors:s,options:[{value:``,label:`None`},...t.featuredProducts.map(e=>({value:e.product.id,label:e.product.title}))]}),G(`button`,{type:`submit`,disabled:l.busy,children:`Answer`})]})}function Yn({label:e,button:t,send:n}){let[r,i]=N(``),[a,o]=N([]),s=Z();return G(`form`,{class:`post-form`,onSubmit:async e=>{e.preventDefault();let t=await s.run(()=>n(r));t&&(o(t.errors),t.ok&&i(``))},children:[G(q,{errors:a,fields:[`body`],failure:s.failure}),G(K,{label:e,name:`body`,value:r,onInput:i,errors:a,required:!0}),G(`button`,{type:`submit`,disabled:s.busy||!r.trim(),children:t})]})}function Xn({id:e}){let{viewer:t}=U(),n=X(async()=>(await R(Ft,{id:e})).show,[e]),[r,i]=N(null),[a,o]=N({}),[s,c]=N(null),[l,u]=N(0),[d,f]=N([]),[p,m]=N([]),[h,g]=N(`connecting`),[_,v]=N(``),[y,b]=N(null),x=Z(),C=Z(),w=De(0),T=e=>{i(e),o(Object.fromEntries(e.featuredProducts.map(e=>[e.product.id,e.product.stock]))),c(e.pinnedProduct?.id??null),u(e.viewerCount)};P(()=>{n.data&&T(n.data)},[n.data]),P(()=>{let t=!1;w.current=0,f([]),m([]);let n={showId:e,afterSeq:null},r=ct(Gt,n,e=>{g(`live`);let t=e.showEvents;t.seq<=w.current||(w.current=t.seq,n.afterSeq=t.seq,E(t))},()=>g(`error`)),i=at(e=>g(e?`live`:`connecting`));return(async()=>{try{let[n,r]=await Promise.all([R(Ut,{id:e,first:50}),R(Wt,{id:e,first:50})]);if(t)return;let i=n.show?.chat.edges.map(e=>e.node)??[];f(e=>Zn(e,i)),m(e=>Zn(e,r.show?.questions.edges.map(e=>e.node)??[]))}catch{}})(),()=>{t=!0,i(),r()}},[e]);let E=e=>{switch(e.__typename){case`ProductPinned`:c(e.product.id),v(`Pinned: ${e.product.title}`);break;case`ProductUnpinned`:c(null),v(`Product unpinned`);break;case`StockChanged`:o(t=>({...t,[e.productId]:e.stock}));break;case`ViewerCountChanged`:u(e.count);break;case`ChatMessagePosted`:f(t=>Zn(t,[e.message]));break;case`ChatMessageRemoved`:f(t=>t.filter(t=>t.id!==e.messageId));break;case`QuestionAsked`:case`QuestionAnswered`:m(t=>Zn(t,[e.question])),e.__typename===`QuestionAnswered`&&v(`Answered: ${e.question.body}`);break;case`ShowStatusChanged`:i(t=>t&&{...t,status:e.status}),v(`The show is now ${e.status.toLowerCase()}`),n.reload();break;case`FlashSaleStarted`:case`FlashSaleEnded`:case`PurchaseMade`:e.__typename!==`PurchaseMade`&&n.reload()}};if(n.error&&!r)return G(J,{error:n.error});if(!r)return n.loading?G(Y,{what:`show`}):G(S,{children:[G(`h1`,{children:`Show not found`}),G(`p`,{children:G(`a`,{href:`/`,children:`Back to Discover`})})]});let D=!!t?.influencer&&t.influencer.id===r.host.id,O=r.featuredProducts.find(e=>e.product.id===s),ee=!!t&&r.status===`LIVE`,k=async(e,n)=>{if(!t){W(`/signin?next=${encodeURIComponent(location.pathname)}`);return}b(null);let i=await x.run(()=>R(qt,{input:{productId:e,quantity:1,showId:r.status===`LIVE`?r.id:void 0}}));i&&(i.cartLineAdd.errors.length?b(i.cartLineAdd.errors.map(e=>e.message).join(` `)):n?W(`/cart`):b(`Added to your cart.`))},te=async e=>{let t=await C.run(()=>e?R(Tt,{input:{showId:r.id,productId:e}}).then(e=>e.productPin):R(Et,{input:{id:r.id}}).then(e=>e.productUnpin));t&&(t.errors.length?C.setFailure(t.errors.map(e=>e.message).join(` `)):t.show&&c(t.show.pinnedProduct?.id??null))};return G(`div`,{class:`show-page`,children:[G(`div`,{class:`show-main`,children:[G(`p`,{class:`crumbs small`,children:[G(`a`,{href:`/`,children:`Discover`}),` / `,r.category]}),G(`h1`,{children:r.title}),G(`p`,{class:`muted`,children:[G(Q,{status:r.status}),` with `,G(`strong`,{children:r.host.displayName}),` (@`,r.host.handle,`) ·`,` `,r.status===`SCHEDULED`?G(Dn,{to:r.scheduledStart}):B(r.startedAt??r.scheduledStart),` ·`,` `,G(`span`,{"aria-label":`viewers`,children:[l,` watching`]})]}),G(`p`,{class:`small live-state`,"data-state":h,children:h===`live`?`Live updates on`:h===`error`?`Live updates interrupted; reconnecting…`:`Connecting to live updates…`}),G(`div`,{class:`sr-only`,role:`status`,"aria-live":`polite`,children:_}),G(Gn,{show:r,isHost:D}),r.status===`SCHEDULED`&&!D&&G(In,{show:r}),D&&G(qn,{show:r,onShow:T}),G(`section`,{class:`card pinned-panel${O?` has-pin`:``}`,"aria-labelledby":`pinned-h`,"aria-live":`polite`,children:[G(`h2`,{id:`pinned-h`,children:`Pinned product`}),O?G(`div`,{class:`pinned-product`,"data-product-id":O.product.id,children:[G(`strong`,{children:O.product.title}),` · `,z(O.flashSale?.price??O.product.price),` ·`,` `,G(`span`,{class:`small`,children:(a[O.product.id]??O.product.stock)>0?`${a[O.product.id]??O.product.stock} in stock`:`Sold out`}),!D&&G(`div`,{class:`actions`,children:G(`button`,{type:`button`,class:`primary`,disabled:x.busy,onClick:()=>k(O.product.id,!0),children:`Buy pinned product now`})})]}):G(`p`,{class:`muted small`,children:`Nothing pinned right now.`})]}),G(`section`,{"aria-labelledby":`products-h`,children:[G(`h2`,{id:`products-h`,children:`Featured products`}),(y||x.failure||C.failure)&&G(`p`,{class:`alert`,role:`alert`,children:y??x.failure??C.failure}),G(`ul`,{class:`products`,children:r.featuredProducts.map(e=>G(Kn,{f:e,show:r,stock:a[e.product.id]??e.product.stock,pinned:e.product.id===s,isHost:D,onPin:te,onBuy:k,busy:x.busy||C.busy},e.product.id))})]}),r.description&&G(`p`,{children:r.description})]}),G(`aside`,{class:`show-side`,children:[G(`section`,{class:`card`,"aria-labelledby":`qa-h`,children:[G(`h2`,{id:`qa-h`,children:`Questions`}),ee&&!D&&G(Yn,{label:`Ask the host a question`,button:`Ask`,send:async e=>{let t=(await R(Ht,{input:{showId:r.id,body:e}})).questionAsk;return t.question&&m(e=>Zn(e,[t.question])),{errors:t.errors,ok:!!t.question}}}),!t&&r.status===`LIVE`&&G(`p`,{class:`small`,children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to chat and ask questions.`]}),G(`ul`,{class:`questions`,"aria-live":`polite`,children:[p.length===0&&G(`li`,{class:`muted small`,children:`No questions yet.`}),p.map(e=>G(`li`,{class:`question`,"data-question-id":e.id,children:[G(`p`,{children:[G(`strong`,{children:[`Q`,e.author?` (${e.author.displayName})`:``,`:`]}),` `,G(`span`,{class:`q-body`,children:e.body})]}),e.answer?G(`p`,{class:`answer`,children:[G(`strong`,{children:`A:`}),` `,G(`span`,{class:`a-body`,children:e.answer}),e.product&&G(`span`,{class:`small muted`,children:[` · `,e.product.title]})]}):D&&r.status===`LIVE`?G(Jn,{q:e,show:r,onDone:e=>m(t=>Zn(t,[e]))}):G(`p`,{class:`muted small`,children:`Waiting for an answer`})]},e.id))]})]}),G(`section`,{class:`card`,"aria-labelledby":`chat-h`,children:[G(`h2`,{id:`chat-h`,children:`Live chat`}),ee&&G(Yn,{label:`Chat message`,button:`Send`,send:async e=>{let t=(await R(Vt,{input:{showId:r.id,body:e}})).chatPost;return t.message&&f(e=>Zn(e,[t.message])),{errors:t.errors,ok:!!t.message}}}),G(`ul`,{class:`chat`,"aria-live":`polite`,children:[d.length===0&&G(`li`,{class:`muted small`,children:`No messages yet.`}),d.map(e=>G(`li`,{"data-message-id":e.id,children:[G(`strong`,{children:[e.author.displayName,`:`]}),` `,e.body,D&&G(`button`,{type:`button`,class:`linklike small`,onClick:async()=>{let t=await C.run(()=>R(Ot,{input:{messageId:e.id}}));t&&!t.chatRemove.errors.length?f(t=>t.filter(t=>t.id!==e.id)):t&&C.setFailure(t.chatRemove.errors[0].message)},children:[`Remove`,G(`span`,{class:`sr-only`,children:[` message from `,e.author.displayName]})]})]},e.id))]})]})]})]})}function Zn(e,t){let n=[...e];for(let e of[...t].reverse()){let t=n.findIndex(t=>t.id===e.id);t>=0?n[t]={...n[t],...Qn(e)}:n.unshift(e)}return n}function Qn(e){return Object.fromEntries(Object.entries(e).filter(([,e])=>e!=null))}function $n(){return G(`p`,{children:[G(`a`,{href:`/signin?next=${encodeURIComponent(location.pathname)}`,children:`Sign in`}),` to see this page.`]})}var er=[`paymentToken`,`shippingAddress.name`,`shippingAddress.line1`,`shippingAddress.line2`,`shippingAddress.city`,`shippingAddress.postalCode`,`shippingAddress.country`];function tr(){let{viewer:e}=U(),t=X(async()=>e?(await R(Kt)).cart:null,[e?.id]),[n,r]=N(e?.displayName??``),[i,a]=N(``),[o,s]=N(``),[c,l]=N(``),[u,d]=N(``),[f,p]=N(`US`),[m,h]=N(`tok_visa`),[g,_]=N([]),[v,y]=N(null),b=Z(),x=Z();if(!e)return G(S,{children:[G(`h1`,{children:`Your cart`}),G($n,{})]});let C=t.data;return G(`div`,{class:`two-col`,children:[G(`section`,{"aria-labelledby":`cart-h`,children:[G(`h1`,{id:`cart-h`,children:`Your cart`}),G(J,{error:t.error}),!C&&t.loading&&G(Y,{what:`cart`}),C&&C.lines.length===0&&G(`p`,{children:[`Your cart is empty. `,G(`a`,{href:`/`,children:`Find a show`}),`.`]}),(v||x.failure)&&G(`p`,{class:`alert`,role:`alert`,children:v??x.failure}),C&&C.lines.length>0&&G(`ul`,{class:`cart-lines`,children:C.lines.map(e=>G(`li`,{class:`card cart-line`,children:[G(`strong`,{children:e.product.title}),G(`span`,{class:`small muted`,children:[` `,`· `,e.vendor.name,e.show?` · from “${e.show.title}”`:``]}),G(`div`,{class:`line-row`,children:[G(`label`,{children:[`Quantity`,G(`span`,{class:`sr-only`,children:[` of `,e.product.title]}),` `,G(`select`,{value:String(e.quantity),disabled:x.busy,onChange:async n=>{let r=parseInt(n.target.value,10),i=await x.run(()=>R(Jt,{input:{lineId:e.id,quantity:r}}));i&&(y(i.cartLineUpdate.errors[0]?.message??null),i.cartLineUpdate.cart&&t.setData(()=>i.cartLineUpdate.cart))},children:Array.from({length:Math.max(10,e.quantity)},(e,t)=>t+1).map(e=>G(`option`,{value:String(e),children:e},e))})]}),G(`span`,{children:[z(e.unitPrice),` each · `,G(`strong`,{children:z(e.total)})]}),G(`button`,{type:`button`,class:`linklike`,disabled:x.busy,onClick:async()=>{let n=await x.run(()=>R(Jt,{input:{lineId:e.id,quantity:0}}));n?.cartLineUpdate.cart&&t.setData(()=>n.cartLineUpdate.cart)},children:[`Remove`,G(`span`,{class:`sr-only`,children:[` `,e.product.title]})]})]})]},e.id))}),C&&C.subtotals.length>0&&G(`p`,{class:`subtotal`,children:[`Subtotal: `,G(`strong`,{children:C.subtotals.map(z).join(` + `)})]})]}),C&&C.lines.length>0&&G(`section`,{"aria-labelledby":`checkout-h`,children:[G(`h2`,{id:`checkout-h`,children:`Checkout`}),G(`form`,{onSubmit:async e=>{e.preventDefault();let t=await b.run(()=>R(Yt,{input:{idempotencyKey:ft(),paymentToken:m,shippingAddress:{name:n,line1:i,line2:o||void 0,city:c,postalCode:u,country:f.toUpperCase()}}}));t&&(_(t.checkout.errors),t.checkout.order&&W(`/orders/${t.checkout.order.id}?placed=1`))},children:[G(q,{errors:g,fields:er,failure:b.failure}),G(`fieldset`,{children:[G(`legend`,{children:`Shipping address`}),G(K,{label:`Full name`,name:`shippingAddress.name`,autocomplete:`name`,required:!0,value:n,onInput:r,errors:g}),G(K,{label:`Address`,name:`shippingAddress.line1`,autocomplete:`address-line1`,required:!0,value:i,onInput:a,errors:g}),G(K,{label:`Address line 2 (optional)`,name:`shippingAddress.line2`,autocomplete:`address-line2`,value:o,onInput:s,errors:g}),G(K,{label:`City`,name:`shippingAddress.city`,autocomplete:`address-level2`,required:!0,value:c,onInput:l,errors:g}),G(K,{label:`Postal code`,name:`shippingAddress.postalCode`,autocomplete:`postal-code`,required:!0,value:u,onInput:d,errors:g}),G(K,{label:`Country code`,name:`shippingAddress.country`,autocomplete:`country`,hint:`Two letters, e.g. US, FR.`,required:!0,value:f,onInput:p,errors:g})]}),G(`fieldset`,{children:[G(`legend`,{children:`Payment`}),G(K,{label:`Payment token`,name:`paymentToken`,hint:`Test mode: tok_visa is accepted, tok_declined is declined.`,required:!0,value:m,onInput:h,errors:g})]}),G(`button`,{type:`submit`,class:`primary`,disabled:b.busy,children:b.busy?`Placing order…`:`Place order · ${C.subtotals.map(z).join(` + `)}`})]})]})]})}function nr({o:e}){return G(S,{children:[G(`p`,{children:[G(Q,{status:e.status}),` · placed `,B(e.createdAt),e.show&&G(S,{children:[` `,`· in `,G(`a`,{href:`/shows/${e.show.id}`,children:e.show.title})]}),e.influencer&&G(S,{children:[` with @`,e.influencer.handle]})]}),G(`table`,{children:[G(`caption`,{class:`sr-only`,children:`Order lines`}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Product`}),G(`th`,{scope:`col`,children:`Seller`}),G(`th`,{scope:`col`,children:`Qty`}),G(`th`,{scope:`col`,children:`Total`})]})}),G(`tbody`,{children:e.lines.map(e=>G(`tr`,{children:[G(`td`,{children:e.product.title}),G(`td`,{children:e.vendor.name}),G(`td`,{children:[e.quantity,e.refundedQuantity>0&&G(`span`,{class:`small`,children:[` (`,e.refundedQuantity,` refunded)`]})]}),G(`td`,{children:z(e.total)})]},e.id))}),G(`tfoot`,{children:G(`tr`,{children:[G(`th`,{scope:`row`,colSpan:3,children:`Total`}),G(`td`,{children:G(`strong`,{children:z(e.total)})})]})})]})]})}function rr({id:e}){let{viewer:t}=U(),n=new URLSearchParams(location.search).has(`placed`),r=X(async()=>t?(await R(Xt,{id:e})).order:null,[e,t?.id]);if(!t)return G(S,{children:[G(`h1`,{children:`Order`}),G($n,{})]});let i=r.data;return G(S,{children:[n&&i?G(`div`,{class:`confirmation`,role:`status`,children:[G(`h1`,{children:[`Thank you! Order `,i.number,` is confirmed`]}),G(`p`,{children:`We have your payment; the sellers will ship soon.`})]}):G(`h1`,{children:[`Order `,i?i.number:``]}),G(J,{error:r.error}),r.loading&&!i&&G(Y,{what:`order`}),!r.loading&&!i&&!r.error&&G(`p`,{children:`Order not found.`}),i&&G(nr,{o:i}),G(`p`,{children:[G(`a`,{href:`/orders`,children:`All orders`}),` · `,G(`a`,{href:`/`,children:`Keep shopping`})]})]})}function ir(){let{viewer:e}=U(),[t,n]=N(``),r=X(async()=>e?(await R(Zt,{status:t||void 0,first:50})).orders:null,[e?.id,t]);return e?G(S,{children:[G(`h1`,{children:`Your orders`}),G(wn,{label:`Status`,name:`status`,value:t,onChange:n,options:[{value:``,label:`All`},{value:`PAID`,label:`Paid`},{value:`PARTIALLY_REFUNDED`,label:`Partially refunded`},{value:`REFUNDED`,label:`Refunded`},{value:`CANCELLED`,label:`Cancelled (declined)`}]}),G(J,{error:r.error}),r.loading&&!r.data&&G(Y,{what:`orders`}),r.data&&r.data.edges.length===0&&G(`p`,{children:`No orders yet.`}),G(`ul`,{class:`orders`,children:r.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`a`,{href:`/orders/${e.id}`,children:[`Order `,e.number]}),` `,`· `,G(Q,{status:e.status}),` · `,z(e.total),` · `,B(e.createdAt),G(`p`,{class:`small muted`,children:e.lines.map(e=>`${e.quantity} × ${e.product.title}`).join(`, `)})]},e.id))})]}):G(S,{children:[G(`h1`,{children:`Your orders`}),G($n,{})]})}function ar({rows:e,caption:t,keyLabel:n}){return G(`div`,{class:`table-wrap`,children:G(`table`,{children:[G(`caption`,{children:t}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:n}),G(`th`,{scope:`col`,children:`Orders`}),G(`th`,{scope:`col`,children:`Units`}),G(`th`,{scope:`col`,children:`Gross`}),G(`th`,{scope:`col`,children:`Commission`}),G(`th`,{scope:`col`,children:`Platform fee`}),G(`th`,{scope:`col`,children:`Vendor net`}),G(`th`,{scope:`col`,children:`Refunded`})]})}),G(`tbody`,{children:[e.length===0&&G(`tr`,{children:G(`td`,{colSpan:8,class:`muted`,children:`No sales in this period.`})}),e.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,children:e.label}),G(`td`,{children:e.orders}),G(`td`,{children:e.units}),G(`td`,{children:z(e.gross)}),G(`td`,{children:z(e.commission)}),G(`td`,{children:z(e.platformFee)}),G(`td`,{children:z(e.vendorNet)}),G(`td`,{children:z(e.refunded)})]},e.key+e.gross.currency))]})]})})}function or({partyId:e}){let t=X(async()=>{let[t,n]=await Promise.all([R(dn),R(fn,{first:50})]);return{balances:t.balances.filter(t=>t.partyId===e),payouts:n.payouts.edges.map(e=>e.node).filter(t=>t.partyId===e)}},[e]);return t.error?G(J,{error:t.error}):t.data?G(S,{children:[G(`h3`,{children:`Balances`}),t.data.balances.length===0?G(`p`,{class:`muted`,children:`Nothing earned yet.`}):G(`div`,{class:`table-wrap`,children:G(`table`,{children:[G(`caption`,{class:`sr-only`,children:`Balances`}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:`Currency`}),G(`th`,{scope:`col`,children:`Pending`}),G(`th`,{scope:`col`,children:`Available`}),G(`th`,{scope:`col`,children:`Paid out`})]})}),G(`tbody`,{children:t.data.balances.map(e=>G(`tr`,{children:[G(`th`,{scope:`row`,children:e.currency}),G(`td`,{children:z(e.pending)}),G(`td`,{children:z(e.available)}),G(`td`,{children:z(e.paidOut)})]},e.currency))})]})}),G(`h3`,{children:`Payouts`}),t.data.payouts.length===0?G(`p`,{class:`muted`,children:`No payouts yet.`}):G(`ul`,{children:t.data.payouts.map(e=>G(`li`,{children:[z(e.amount),` · `,G(Q,{status:e.status}),` · `,e.period,` · created `,B(e.createdAt),e.reference?` · ref ${e.reference}`:``,e.failure?` · ${e.failure}`:``]},e.id))})]}):G(Y,{what:`balances`})}function sr(){let[e,t]=N(``),[n,r]=N(``),[i,a]=N(``),[o,s]=N([]),c=Z();return G(`div`,{class:`narrow`,children:[G(`h1`,{children:`Become a creator`}),G(`p`,{children:`Create your influencer profile to book products and host live shows.`}),G(`form`,{onSubmit:async t=>{t.preventDefault();let r=await c.run(()=>R(pt,{input:{handle:e,displayName:n,bio:i}}));r&&(s(r.influencerProfileCreate.errors),r.influencerProfileCreate.influencer&&await gn())},children:[G(q,{errors:o,fields:[`handle`,`displayName`,`bio`],failure:c.failure}),G(K,{label:`Handle`,name:`handle`,hint:`Letters, digits, dots and underscores.`,required:!0,value:e,onInput:t,errors:o}),G(K,{label:`Display name`,name:`displayName`,required:!0,value:n,onInput:r,errors:o}),G(K,{label:`Bio`,name:`bio`,multiline:!0,value:i,onInput:a,errors:o}),G(`button`,{type:`submit`,class:`primary`,disabled:c.busy,children:`Create profile`})]})]})}function cr({showcase:e}){let[t,n]=N(``),[r,i]=N(``),[a,o]=N(``),[s,c]=N(kn(Date.now()+36e5)),[l,u]=N(kn(Date.now()+72e5)),[d,f]=N([]),[p,m]=N(!0),[h,g]=N([]),_=Z(),v=[...new Map(e.map(e=>[e.product.id,e])).values()];return G(`form`,{class:`card`,"aria-labelledby":`create-h`,onSubmit:async e=>{e.preventDefault();let n=await _.run(async()=>{let e=(await R(yt,{input:{title:t,description:r,category:a,scheduledStart:On(s),scheduledEnd:On(l),productIds:d}})).showCreate;if(!e.show||!p)return e;let n=(await R(bt,{input:{id:e.show.id}})).showPublish;return{show:e.show,errors:n.errors}});n&&(g(n.errors),n.show&&!n.errors.length&&W(`/shows/${n.show.id}`))},children:[G(`h2`,{id:`create-h`,children:`Create a show`}),G(q,{errors:h,fields:[`title`,`description`,`category`,`scheduledStart`,`scheduledEnd`,`productIds`],failure:_.failure}),G(K,{label:`Title`,name:`title`,required:!0,value:t,onInput:n,errors:h}),G(K,{label:`Description`,name:`description`,multiline:!0,value:r,onInput:i,errors:h}),G(K,{label:`Category`,name:`category`,required:!0,value:a,onInput:o,errors:h,placeholder:`beauty`}),G(K,{label:`Starts`,name:`scheduledStart`,type:`datetime-local`,required:!0,value:s,onInput:c,errors:h}),G(K,{label:`Ends`,name:`scheduledEnd`,type:`datetime-local`,required:!0,value:l,onInput:u,errors:h}),G(`fieldset`,{children:[G(`legend`,{children:`Products to feature (from your showcase)`}),v.length===0&&G(`p`,{class:`muted small`,children:`Book an offer first: your showcase is empty.`}),v.map(e=>G(`div`,{class:`check`,children:[G(`input`,{type:`checkbox`,id:`feat-${e.product.id}`,checked:d.includes(e.product.id),onChange:t=>f(n=>t.target.checked?[...n,e.product.id]:n.filter(t=>t!==e.product.id))}),G(`label`,{for:`feat-${e.product.id}`,children:[e.product.title,` `,G(`span`,{class:`muted small`,children:[`(`,e.vendor.name,`, `,$(e.commissionBps),` commission)`]})]})]},e.product.id)),h.find(e=>e.field?.[1]===`productIds`)&&G(`p`,{class:`error`,role:`alert`,children:h.find(e=>e.field?.[1]===`productIds`).message})]}),G(`div`,{class:`check`,children:[G(`input`,{type:`checkbox`,id:`publish-now`,checked:p,onChange:e=>m(e.target.checked)}),G(`label`,{for:`publish-now`,children:`Publish now (shoppers can find it and set reminders)`})]}),G(`button`,{type:`submit`,class:`primary`,disabled:_.busy,children:p?`Create and publish`:`Create draft`})]})}function lr({influencerId:e}){let t=X(async()=>(await R(wt,{influencerId:e,first:50})).influencer?.shows,[e]),n=X(async()=>(await R(wt,{influencerId:e,status:[`ENDED`,`CANCELLED`],first:20})).influencer?.shows,[e]),r=X(async()=>(await R(vt,{first:100})).showcase.edges.map(e=>e.node),[]);return G(S,{children:[G(`section`,{"aria-labelledby":`myshows-h`,children:[G(`h2`,{id:`myshows-h`,children:`My shows`}),G(J,{error:t.error}),t.data&&t.data.edges.length===0&&G(`p`,{class:`muted`,children:`No upcoming shows.`}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`a`,{href:`/shows/${e.id}`,children:e.title}),G(`span`,{class:`small muted`,children:[` · `,B(e.scheduledStart),` · `]}),e.status===`SCHEDULED`&&G(Dn,{to:e.scheduledStart}),G(`span`,{class:`small muted`,children:[` `,`· `,e.featuredProducts.length,` products · `,e.reminderCount,` reminders`]})]},e.id))}),n.data&&n.data.edges.length>0&&G(`details`,{children:[G(`summary`,{children:[`Past shows (`,n.data.totalCount,`)`]}),G(`ul`,{children:n.data.edges.map(({node:e})=>G(`li`,{children:[G(`a`,{href:`/shows/${e.id}`,children:e.title}),` · `,e.status.toLowerCase(),` · `,B(e.scheduledStart)]},e.id))})]})]}),r.data&&G(cr,{showcase:r.data})]})}function ur(){let e=X(async()=>(await R(vt,{first:100})).showcase,[]),t=X(async()=>(await R(_t,{first:50})).collaborations,[]),n=X(async()=>(await R(mt,{first:30})).offers,[]),r=Z(),[i,a]=N(null),o=async(n,r)=>{n&&(a(n.errors.length?n.errors.map(e=>e.message).join(` `):r),await Promise.all([e.reload(),t.reload()]))};return G(S,{children:[G(`p`,{role:`status`,class:`small`,children:r.failure??i??``}),G(`section`,{"aria-labelledby":`showcase-h`,children:[G(`h2`,{id:`showcase-h`,children:`Showcase`}),G(`p`,{class:`muted small`,children:`Products you may feature now (your active collaborations).`}),G(J,{error:e.error}),G(`ul`,{class:`grid`,children:e.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.product.title}),G(`p`,{class:`small muted`,children:[e.vendor.name,` · `,z(e.product.price),` · `,$(e.commissionBps),` commission · until `,B(e.endsAt)]})]},e.id))})]}),G(`section`,{"aria-labelledby":`collabs-h`,children:[G(`h2`,{id:`collabs-h`,children:`My collaborations`}),G(J,{error:t.error}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.vendor.name]}),G(`p`,{class:`small`,children:[$(e.commissionBps),` commission`,e.status===`COUNTERED`&&e.requestedBps!=null&&G(S,{children:[` (you asked `,$(e.requestedBps),`)`]}),e.rejectReason&&G(S,{children:[` · rejected: `,e.rejectReason]})]}),G(`div`,{class:`actions`,children:[e.status===`COUNTERED`&&G(`button`,{type:`button`,disabled:r.busy,onClick:async()=>o((await r.run(()=>R(gt,{input:{id:e.id}})))?.collaborationAcceptCounter,`Counter-offer accepted.`),children:[`Accept `,$(e.commissionBps)]}),(e.status===`PENDING`||e.status===`COUNTERED`||e.status===`ACTIVE`)&&G(`button`,{type:`button`,class:`linklike`,disabled:r.busy,onClick:async()=>o((await r.run(()=>R(cn,{input:{id:e.id}})))?.collaborationCancel,`Collaboration cancelled.`),children:[`Cancel`,G(`span`,{class:`sr-only`,children:[` collaboration on `,e.product.title]})]})]})]},e.id))})]}),G(`section`,{"aria-labelledby":`offers-h`,children:[G(`h2`,{id:`offers-h`,children:`Open offers`}),G(J,{error:n.error}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.product.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.product.vendor.name,` · `,z(e.product.price),` · `,$(e.commissionBps),` commission`]}),G(`div`,{class:`actions`,children:G(`button`,{type:`button`,disabled:r.busy,onClick:async()=>o((await r.run(()=>R(ht,{input:{offerId:e.id}})))?.collaborationBook,`Booked.`),children:[`Book`,G(`span`,{class:`sr-only`,children:[` `,e.product.title]})]})})]},e.id))})]})]})}function dr({influencerId:e}){let[t,n]=N(30),r=X(async()=>{let e=new Date(Date.now()+864e5);return(await R(kt,{from:new Date(e.getTime()-(t+1)*864e5).toISOString(),to:e.toISOString()})).earnings},[t]);return G(S,{children:[G(`section`,{"aria-labelledby":`earn-h`,children:[G(`h2`,{id:`earn-h`,children:`Earnings by show`}),G(`label`,{children:[`Period`,` `,G(`select`,{value:String(t),onChange:e=>n(parseInt(e.target.value,10)),children:[G(`option`,{value:`7`,children:`Last 7 days`}),G(`option`,{value:`30`,children:`Last 30 days`}),G(`option`,{value:`365`,children:`Last 365 days`})]})]}),G(J,{error:r.error}),r.data&&G(ar,{rows:r.data,caption:`Your attributed sales; commission is what you earned`,keyLabel:`Show`})]}),G(`section`,{"aria-labelledby":`bal-h`,children:[G(`h2`,{id:`bal-h`,children:`Money`}),G(or,{partyId:e})]})]})}function fr(){let{viewer:e}=U(),{path:t}=bn();if(!e)return G(S,{children:[G(`h1`,{children:`Influencer studio`}),G(`p`,{children:[G(`a`,{href:`/signin?next=/studio`,children:`Sign in`}),` to open your studio.`]})]});if(!e.influencer)return G(sr,{});let n=t.split(`/`)[2]??``;return G(S,{children:[G(`h1`,{children:[`Studio · @`,e.influencer.handle]}),G(`nav`,{"aria-label":`Studio`,class:`tabs`,children:G(`ul`,{children:[[``,`Shows`],[`collaborations`,`Collaborations`],[`earnings`,`Earnings`]].map(([e,t])=>G(`li`,{children:G(`a`,{href:`/studio${e?`/`+e:``}`,"aria-current":n===e?`page`:void 0,children:t})},e))})}),n===``&&G(lr,{influencerId:e.influencer.id}),n===`collaborations`&&G(ur,{}),n===`earnings`&&G(dr,{influencerId:e.influencer.id})]})}function pr({onDone:e}){let[t,n]=N(``),[r,i]=N(``),[a,o]=N(``),[s,c]=N([]),l=Z();return G(`form`,{class:`narrow`,onSubmit:async n=>{n.preventDefault();let i=await l.run(()=>R($t,{input:{name:t,slug:r,description:a}}));i&&(c(i.vendorCreate.errors),i.vendorCreate.vendor&&e())},children:[G(`h2`,{children:`Open a shop`}),G(q,{errors:s,fields:[`name`,`slug`,`description`],failure:l.failure}),G(K,{label:`Shop name`,name:`name`,required:!0,value:t,onInput:n,errors:s}),G(K,{label:`Slug`,name:`slug`,hint:`Lower-case letters, digits and dashes; used in links.`,required:!0,value:r,onInput:i,errors:s}),G(K,{label:`Description`,name:`description`,multiline:!0,value:a,onInput:o,errors:s}),G(`button`,{type:`submit`,class:`primary`,disabled:l.busy,children:`Create shop`})]})}function mr({id:e,title:t,onStock:n}){let[r,i]=N(``),[a,o]=N([]),s=Z();return G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault();let a=await s.run(()=>R(tn,{input:{id:e,delta:parseInt(r,10)||0}}));a&&(o(a.productStockAdjust.errors),a.productStockAdjust.product&&(n(a.productStockAdjust.product.stock),i(``)))},children:[G(q,{errors:a,fields:[`delta`],failure:s.failure}),G(K,{label:`Adjust stock of ${t} by`,name:`delta`,type:`number`,step:1,value:r,onInput:i,errors:a,hint:`e.g. 10 or -2`}),G(`button`,{type:`submit`,disabled:s.busy||!r,children:`Adjust`})]})}function hr({productId:e,title:t}){let[n,r]=N(`10`),[i,a]=N([]),[o,s]=N(null),c=Z();return G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),s(null);let r=await c.run(()=>R(nn,{input:{productId:e,commissionBps:Math.round(parseFloat(n)*100)}}));r&&(a(r.offerPublish.errors),r.offerPublish.offer&&s(`Offer published at ${$(r.offerPublish.offer.commissionBps)}.`))},children:[G(q,{errors:i,fields:[`commissionBps`],failure:c.failure}),G(K,{label:`Commission for creators on ${t} (%)`,name:`commissionBps`,type:`number`,min:1,max:80,step:`0.5`,value:n,onInput:r,errors:i}),G(`button`,{type:`submit`,disabled:c.busy,children:`Publish offer`}),G(`span`,{role:`status`,class:`small`,children:o??``})]})}function gr({vendorId:e,onDone:t}){let[n,r]=N(``),[i,a]=N(``),[o,s]=N(``),[c,l]=N(`10`),[u,d]=N(``),[f,p]=N(``),[m,h]=N([]),g=Z();return G(`details`,{class:`card`,children:[G(`summary`,{children:`Add a product`}),G(`form`,{onSubmit:async a=>{a.preventDefault();let s=await g.run(()=>R(en,{input:{vendorId:e,title:n,description:f,category:i,sku:u,stock:parseInt(c,10)||0,price:{amountMinor:Math.round(parseFloat(o||`0`)*100),currency:`USD`}}}));s&&(h(s.productCreate.errors),s.productCreate.product&&(r(``),d(``),t()))},children:[G(q,{errors:m,fields:[`title`,`category`,`price`,`price.amountMinor`,`stock`,`sku`,`description`],failure:g.failure}),G(K,{label:`Title`,name:`title`,required:!0,value:n,onInput:r,errors:m}),G(K,{label:`Category`,name:`category`,required:!0,value:i,onInput:a,errors:m}),G(K,{label:`Price (USD)`,name:`price.amountMinor`,type:`number`,min:0,step:`0.01`,required:!0,value:o,onInput:s,errors:m}),G(K,{label:`Stock`,name:`stock`,type:`number`,min:0,step:1,required:!0,value:c,onInput:l,errors:m}),G(K,{label:`SKU`,name:`sku`,required:!0,value:u,onInput:d,errors:m}),G(K,{label:`Description`,name:`description`,multiline:!0,value:f,onInput:p,errors:m}),G(`button`,{type:`submit`,class:`primary`,disabled:g.busy,children:`Add product`})]})]})}function _r({vendorId:e,slug:t}){let n=X(async()=>(await R(Pt,{slug:t,first:100})).vendor?.products,[t]),[r,i]=N({});return G(`section`,{"aria-labelledby":`prod-h`,children:[G(`h2`,{id:`prod-h`,children:`Products and stock`}),G(gr,{vendorId:e,onDone:()=>void n.reload()}),G(J,{error:n.error}),!n.data&&n.loading&&G(Y,{what:`products`}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{class:`card`,children:[G(`strong`,{children:e.title}),` `,G(`span`,{class:`small muted`,children:[`· `,e.category,` · `,z(e.price)]}),G(`p`,{children:[`Stock: `,G(`strong`,{children:r[e.id]??e.stock})]}),G(mr,{id:e.id,title:e.title,onStock:t=>i(n=>({...n,[e.id]:t}))}),G(`details`,{children:[G(`summary`,{children:`Offer to creators`}),G(hr,{productId:e.id,title:e.title})]})]},e.id))})]})}function vr({c:e,onChange:t}){let[n,r]=N(``),[i,a]=N(``),[o,s]=N([]),c=Z(),l=e=>{e&&(s(e.errors),e.collaboration&&!e.errors.length&&t())};return G(`li`,{class:`card`,children:[G(Q,{status:e.status}),` `,G(`strong`,{children:e.product.title}),` · @`,e.influencer.handle,` (`,e.influencer.displayName,`)`,G(`p`,{class:`small`,children:[`Asks `,$(e.requestedBps??e.commissionBps),` commission, `,B(e.startsAt),` – `,B(e.endsAt),e.message&&G(S,{children:[` · “`,e.message,`”`]})]}),e.status===`PENDING`&&G(S,{children:[G(q,{errors:o,fields:[`reason`,`commissionBps`],failure:c.failure}),G(`div`,{class:`actions`,children:G(`button`,{type:`button`,class:`primary`,disabled:c.busy,onClick:async()=>l((await c.run(()=>R(an,{input:{id:e.id}})))?.collaborationApprove),children:[`Approve`,G(`span`,{class:`sr-only`,children:[` request from @`,e.influencer.handle]})]})}),G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),l((await c.run(()=>R(on,{input:{id:e.id,reason:n}})))?.collaborationReject)},children:[G(K,{label:`Reason for rejecting`,name:`reason`,value:n,onInput:r,errors:o,required:!0}),G(`button`,{type:`submit`,disabled:c.busy,children:`Reject`})]}),G(`form`,{class:`inline-form`,onSubmit:async t=>{t.preventDefault(),l((await c.run(()=>R(sn,{input:{id:e.id,commissionBps:Math.round(parseFloat(i)*100)}})))?.collaborationCounter)},children:[G(K,{label:`Counter with commission (%)`,name:`commissionBps`,type:`number`,min:1,max:80,step:`0.5`,value:i,onInput:a,errors:o,required:!0}),G(`button`,{type:`submit`,disabled:c.busy,children:`Counter`})]})]})]})}function yr({vendorId:e}){let t=X(async()=>(await R(rn,{vendorId:e,status:`PENDING`,first:50})).collaborations,[e]),n=X(async()=>(await R(rn,{vendorId:e,first:50})).collaborations,[e]),r=()=>{t.reload(),n.reload()};return G(S,{children:[G(`section`,{"aria-labelledby":`inbox-h`,children:[G(`h2`,{id:`inbox-h`,children:`Requests waiting for you`}),G(J,{error:t.error}),t.data&&t.data.edges.length===0&&G(`p`,{class:`muted`,children:`No pending requests.`}),G(`ul`,{class:`list`,children:t.data?.edges.map(({node:e})=>G(vr,{c:e,onChange:r},e.id))})]}),G(`section`,{"aria-labelledby":`allcollabs-h`,children:[G(`h2`,{id:`allcollabs-h`,children:`All collaborations`}),G(`ul`,{class:`list`,children:n.data?.edges.map(({node:e})=>G(`li`,{children:[G(Q,{status:e.status}),` `,e.product.title,` · @`,e.influencer.handle,` · `,$(e.commissionBps)]},e.id))})]})]})}function br(e,t,n,r){let i=new Map(e),a=i.get(t)??{label:n,orders:new Set,units:0,gross:0,commission:0,currency:r.gross.currency};return i.set(t,{...a,orders:new Set([...a.orders,r.orderId]),units:a.units+r.quantity,gross:a.gross+r.gross.amountMinor,commission:a.commission+r.commission.amountMinor}),i}function xr({caption:e,keyLabel:t,totals:n,id:r}){return G(`div`,{class:`table-wrap`,children:G(`table`,{id:r,children:[G(`caption`,{children:e}),G(`thead`,{children:G(`tr`,{children:[G(`th`,{scope:`col`,children:t}),G(`th`,{scope:`col`,children:`Orders`}),G(`th`,{scope:`col`,children:`Units`}),G(`th`,{scope:`col`,children:`Gross`}),G(`th`,{scope:`col`,children:`Commission`})]})}),G(`tbody`,{children:[n.size===0&&G(`tr`,{children:G(`td`,{colSpan:5,class:`muted`,children:`Waiting for sales…`})}),[...n.entries()].map(([e,t])=>G(`tr`,{children:[G(`th`,{scope:`row`,children:t.label}),G(`td`,{children:t.orders.size}),G(`td`,{children:t.units}),G(`td`,{children:z({amountMinor:t.gross,currency:t.currency})}),G(`td`,{children:z({amountMinor:t.commission,currency:t.currency})})]},e))]})]})})}function Sr({vendorId:e}){let[t,n]=N([]),[r,i]=N(new Map),[a,o]=N(new Map),[s,c]=N(`Connecting…`),[l]=N(()=>new Date().toISOString());P(()=>{c(`Connecting…`);let t=ct(ln,{vendorId:e},e=>{let t=e.vendorSales;c(`Listening for sales`),n(e=>[t,...e].slice(0,100)),i(e=>br(e,t.show?.id??`-`,t.show?t.show.title:`Not from a show`,t)),o(e=>br(e,t.influencer?.id??`-`,t.influencer?`@${t.influencer.handle} (${t.influencer.displayName})`:`No influencer`,t))},e=>c(`Live connection problem: ${e}`)),r=at(e=>c(e?`Listening for sales`:`Connecting…`));return()=>{r(),t()}},[e]);let u=t.reduce((e,t)=>e+t.gross.amountMinor,0),d=t[0]?.gross.currency??`USD`;return G(`section`,{"aria-labelledby":`live-h`,children:[G(`h2`,{id:`live-h`,children:`Live sales`}),G(`p`,{class:`small live-state`,role:`status`,children:[s,` · since `,B(l)]}),G(`p`,{class:`big-number`,"aria-live":`polite`,children:[G(`span`,{class:`sr-only`,children:`Total since opened: `}),z({amountMinor:u,currency:d}),` · `,t.length,` sale`,t.length===1?``:`s`]}),G(`div`,{class:`two-col`,children:[G(xr,{id:`totals-show`,caption:`By show`,keyLabel:`Show`,totals:r}),G(xr,{id:`totals-influencer`,caption:`By influencer`,keyLabel:`Influencer`,totals:a})]}),G(`h3`,{children:`Latest sales`}),G(`ol`,{class:`sales`,"aria-live":`polite`,children:t.map((e,t)=>G(`li`,{class:`card sale`,children:[G(`strong`,{children:[e.quantity,` × `,e.product.title]}),` · `,z(e.gross),G(`span`,{class:`small`,children:[` `,`· `,e.show?`show “${e.show.title}”`:`not from a show`,e.influencer?` · @${e.influencer.handle}`:``,` · commission `,z(e.commission),` · `,B(e.at)]})]},`${e.orderId}-${e.product.id}-${t}`))})]})}function Cr({vendorId:e}){let t=e=>e.toISOString().slice(0,10),[n,r]=N(`SHOW`),[i,a]=N(t(new Date(Date.now()-2592e6))),[o,s]=N(t(new Date(Date.now()+864e5))),c=X(async()=>(await R(un,{vendorId:e,groupBy:n,from:new Date(i+`T00:00:00Z`).toISOString(),to:new Date(o+`T00:00:00Z`).toISOString()})).vendorSalesReport,[e,n,i,o]);return G(`section`,{"aria-labelledby":`rep-h`,children:[G(`h2`,{id:`rep-h`,children:`Sales report`}),G(`form`,{class:`filters`,onSubmit:e=>e.preventDefault(),children:[G(wn,{label:`Group by`,name:`groupBy`,value:n,onChange:e=>r(e),options:[{value:`SHOW`,label:`Show`},{value:`INFLUENCER`,label:`Influencer`},{value:`PRODUCT`,label:`Product`},{value:`DAY`,label:`Day`}]}),G(K,{label:`From (UTC)`,name:`from`,type:`date`,value:i,onInput:a}),G(K,{label:`To (UTC, exclusive)`,name:`to`,type:`date`,value:o,onInput:s})]}),G(J,{error:c.error}),c.data&&G(ar,{rows:c.data,caption:`Paid sales by ${n.toLowerCase()}`,keyLabel:n[0]+n.slice(1).toLowerCase()})]})}function wr({vendorId:e,tab:t}){let{viewer:n}=U(),r=X(async()=>n?(await R(Qt)).me?.vendors??[]:[],[n?.id]),i=r.data??[],a=i.find(t=>t.id===e);if(P(()=>{r.data&&!e&&r.data.length>0&&W(`/vendor/${r.data[0].id}/products`,!0)},[r.data,e]),!n)return G(S,{children:[G(`h1`,{children:`Vendor dashboard`}),G(`p`,{children:[G(`a`,{href:`/signin?next=/vendor`,children:`Sign in`}),` to manage your shop.`]})]});if(r.error)return G(J,{error:r.error});if(!r.data)return G(Y,{what:`shops`});if(i.length===0)return G(S,{children:[G(`h1`,{children:`Vendor dashboard`}),G(pr,{onDone:()=>void r.reload()})]});if(!a)return G(Y,{what:`shop`});let o=t??`products`;return G(S,{children:[G(`h1`,{children:[a.name,` · dashboard`]}),i.length>1&&G(wn,{label:`Shop`,name:`vendor`,value:a.id,onChange:e=>W(`/vendor/${e}/${o}`),options:i.map(e=>({value:e.id,label:e.name}))}),G(`nav`,{"aria-label":`Dashboard`,class:`tabs`,children:G(`ul`,{children:[[`products`,`Products`],[`collaborations`,`Collaborations`],[`live`,`Live sales`],[`reports`,`Reports`],[`money`,`Balances & payouts`]].map(([e,t])=>G(`li`,{children:G(`a`,{href:`/vendor/${a.id}/${e}`,"aria-current":o===e?`page`:void 0,children:t})},e))})}),o===`products`&&G(_r,{vendorId:a.id,slug:a.slug}),o===`collaborations`&&G(yr,{vendorId:a.id}),o===`live`&&G(Sr,{vendorId:a.id}),o===`reports`&&G(Cr,{vendorId:a.id}),o===`money`&&G(`section`,{"aria-labelledby":`money-h`,children:[G(`h2`,{id:`money-h`,children:`Balances and payouts`}),G(or,{partyId:a.id})]})]})}function Tr({path:e}){let t;return e===`/`||e===`/discover`?G(Rn,{}):e===`/signin`?G(jn,{}):e===`/signup`?G(Mn,{}):(t=/^\/shows\/([^/]+)$/.exec(e))?G(Xn,{id:decodeURIComponent(t[1])}):e===`/cart`?G(tr,{}):e===`/orders`?G(ir,{}):(t=/^\/orders\/([^/]+)$/.exec(e))?G(rr,{id:decodeURIComponent(t[1])}):e===`/studio`||e.startsWith(`/studio/`)?G(fr,{}):(t=/^\/vendor(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(e))?G(wr,{vendorId:t[1],tab:t[2]}):G(S,{children:[G(`h1`,{children:`Page not found`}),G(`p`,{children:G(`a`,{href:`/`,children:`Back to Discover`})})]})}function Er(){let{viewer:e}=U(),{path:t}=bn(),n=(e,n)=>G(`li`,{children:G(`a`,{href:e,"aria-current":(e===`/`?t===`/`:t===e||t.startsWith(e+`/`))?`page`:void 0,children:n})});return G(`header`,{class:`site-header`,children:[G(`a`,{class:`brand`,href:`/`,children:`Livemarket`}),G(`nav`,{"aria-label":`Main`,children:G(`ul`,{children:[n(`/`,`Discover`),e&&n(`/cart`,`Cart`),e&&n(`/orders`,`Orders`),e?.influencer?n(`/studio`,`Studio`):null,e&&n(`/vendor`,`Vendor`),e?G(`li`,{children:G(`button`,{type:`button`,class:`linklike`,onClick:async()=>{await vn(),W(`/`)},children:[`Sign out `,G(`span`,{class:`sr-only`,children:[`(`,e.displayName,`)`]})]})}):G(S,{children:[n(`/signin`,`Sign in`),n(`/signup`,`Sign up`)]})]})})]})}function Dr(){let{path:e}=bn(),{loaded:t}=U();P(()=>{gn()},[]);let n=De(!0);return P(()=>{if(n.current){n.current=!1;return}let e=document.querySelector(`main h1`);e&&(e.tabIndex=-1,e.focus({preventScroll:!0}))},[e]),G(S,{children:[G(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),G(Er,{}),G(`main`,{id:`main`,children:t?G(Tr,{path:e}):G(`p`,{role:`status`,children:`Loading…`})}),G(`footer`,{class:`site-footer`,children:G(`p`,{children:[`Livemarket reference client · built only on the `,G(`a`,{href:`/graphiql`,children:`GraphQL contract`})]})})]})}document.addEventListener(`click`,e=>{if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;let t=e.target.closest?.(`a`);if(!t||t.target||t.hasAttribute(`download`))return;let n=new URL(t.href,location.href);n.origin===location.origin&&n.pathname!==`/graphiql`&&(e.preventDefault(),W(n.pathname+n.search+n.hash))}),pe(G(Dr,{}),document.getElementById(`app`));